package dev.baton.scale.log;

import java.io.Serializable;
import java.util.Comparator;
import org.apache.spark.Partitioner;

/**
 * What the shuffle moves a line by: a hash of its stream (which partition, and which lines lie
 * together) and its position (their order). Two numbers instead of the stream's text keep the
 * shuffle's records small and their comparison cheap; streams whose hashes collide lie interleaved
 * and are told apart when the partition is read ({@link ScaleLog}).
 */
final class CaseKey implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Batch events first, by position; then stream hash, then position. */
    static final Comparator<CaseKey> ORDER = new Order();

    final int hash;
    final long position;
    /** A copy of a batch event sent to every partition, ahead of its cases; {@link #hash} is then the partition. */
    final boolean batches;

    CaseKey(int hash, long position, boolean batches) {
        this.hash = hash;
        this.position = position;
        this.batches = batches;
    }

    static CaseKey of(LineKey key) {
        return new CaseKey(key.stream().hashCode(), key.position(), false);
    }

    private static final class Order implements Comparator<CaseKey>, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public int compare(CaseKey a, CaseKey b) {
            if (a.batches != b.batches) {
                return a.batches ? -1 : 1;
            }
            if (a.batches) {
                return Long.compare(a.position, b.position);
            }
            int byHash = Integer.compare(a.hash, b.hash);
            return byHash != 0 ? byHash : Long.compare(a.position, b.position);
        }
    }

    /** A stream's partition: its hash modulo the partitions, nothing else to compute. */
    static final class ByStream extends Partitioner {

        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByStream(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return Math.floorMod(((CaseKey) key).hash, partitions);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByStream s && s.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
