package dev.baton.assist.similar;

import dev.baton.assist.history.PastWork;

/** A past item or request and its cosine similarity with the new request (−1 to 1; paraphrases score about 0.7). */
public record Match(PastWork work, double similarity) {
}
