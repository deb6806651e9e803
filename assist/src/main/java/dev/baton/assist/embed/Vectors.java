package dev.baton.assist.embed;

/** Small vector arithmetic on float arrays. */
public final class Vectors {

    private Vectors() {
    }

    /** A copy of {@code v} scaled to length 1 (the zero vector stays zero). */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float[] unit = new float[v.length];
        if (norm == 0) {
            return unit;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            unit[i] = v[i] * scale;
        }
        return unit;
    }

    /** The dot product of two vectors of one length: their cosine when both are unit vectors. */
    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
