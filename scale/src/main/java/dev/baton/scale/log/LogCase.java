package dev.baton.scale.log;

import java.io.Serializable;
import java.util.List;

/** One case of a log as a job reads it: its stream, the position of its first event, its lines (UTF-8) in log order. */
public record LogCase(String stream, long first, List<byte[]> lines) implements Serializable {
}
