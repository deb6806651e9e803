package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
import dev.baton.engine.jsonl.EventCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Baton's JSONL log decoded on every core while the caller consumes it: one thread splits the
 * file into batches of lines, a pool decodes them with the engine's {@link EventCodec} (the one
 * codec of the log format), and the caller receives the events in file order. Decoding JSON is
 * most of the cost of reading a log, so this is what keeps {@code baton analyze} of a million
 * events within seconds. Errors are those of the codec, with their line numbers.
 */
final class ParallelJsonl implements DebtAnalysis.EventSource {

    private static final int BATCH = 2048;
    private final Path file;

    ParallelJsonl(Path file) {
        this.file = file;
    }

    @Override
    public void forEach(java.util.function.Consumer<RecordedEvent> sink) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jsonl-decoder");
            t.setDaemon(true);
            return t;
        });
        EventCodec codec = EventCodec.interning();
        BlockingQueue<Future<List<RecordedEvent>>> batches = new ArrayBlockingQueue<>(threads * 4);
        Thread reader = new Thread(() -> split(codec, pool, batches), "jsonl-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                List<RecordedEvent> events = batches.take().get();
                if (events == null) {
                    return;
                }
                events.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
    }

    /** Reads lines into batches, hands each to the pool and queues its future in file order; null ends. */
    private void split(EventCodec codec, ExecutorService pool, BlockingQueue<Future<List<RecordedEvent>>> batches) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = Gzip.byName(file, raw);
             BufferedReader lines = new BufferedReader(Utf8.reader(in), 1 << 16)) {
            long lineNumber = 0;
            List<String> batch = new ArrayList<>(BATCH);
            long first = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (batch.isEmpty()) {
                    first = lineNumber;
                }
                batch.add(line);
                if (batch.size() == BATCH) {
                    batches.put(decode(codec, pool, batch, first));
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                batches.put(decode(codec, pool, batch, first));
            }
            batches.put(CompletableFuture.completedFuture(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            try {
                batches.put(CompletableFuture.failedFuture(new UncheckedIOException(e)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Future<List<RecordedEvent>> decode(EventCodec codec, ExecutorService pool, List<String> lines, long firstLine) {
        return pool.submit(() -> {
            List<RecordedEvent> events = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.isBlank()) {
                    events.add(codec.decode(line, firstLine + i));
                }
            }
            return events;
        });
    }
}
