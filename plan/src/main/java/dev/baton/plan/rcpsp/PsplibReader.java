package dev.baton.plan.rcpsp;

import dev.baton.plan.schedule.Capacity;
import dev.baton.plan.schedule.Project;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PSPLIB single-mode RCPSP file ({@code .sm}; Kolisch and Sprecher 1997), line by line:
 * the header's job and resource counts, {@code PRECEDENCE RELATIONS}, {@code REQUESTS/DURATIONS}
 * and {@code RESOURCEAVAILABILITIES}. Every problem is reported with the file, line and column
 * and what was expected: a missing section, a number that is not one, a successor that is not a
 * job, a second mode. A demand above its resource's capacity (or a precedence cycle) is reported
 * as an infeasible instance, since no schedule can exist.
 */
public final class PsplibReader {

    /** More jobs than this is not a PSPLIB instance (the largest sets have 300). */
    private static final int MAX_JOBS = 100_000;

    private final String source;
    private int lineNo;
    private Section section = Section.HEADER;
    private int jobs = -1;
    private int jobsLine;
    private int renewable = -1;
    private int horizon;
    private final List<int[]> successors = new ArrayList<>();
    private final List<Integer> precedenceLines = new ArrayList<>();
    private final List<int[]> requests = new ArrayList<>();
    private final List<Integer> requestLines = new ArrayList<>();
    private final List<int[]> requestColumns = new ArrayList<>();
    private String[] resourceNames;
    private int[] availability;
    private int availabilityLine;
    private boolean sawPrecedence;
    private boolean sawRequests;
    private boolean sawAvailability;

    private enum Section { HEADER, PROJECT, PRECEDENCE, REQUESTS, AVAILABILITY }

    private PsplibReader(String source) {
        this.source = source;
    }

    /** Reads a file; the instance is named after the file without {@code .sm}. */
    public static RcpspInstance read(Path file) throws IOException, PsplibFormatException {
        String fileName = file.getFileName().toString();
        String name = fileName.toLowerCase(Locale.ROOT).endsWith(".sm") ? fileName.substring(0, fileName.length() - 3)
                : fileName;
        // PSPLIB files are ASCII; Latin-1 decodes any byte, so a stray one in a comment cannot stop the read.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.toString(), name);
        }
    }

    public static RcpspInstance read(Reader reader, String source, String name) throws IOException, PsplibFormatException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        return new PsplibReader(source).parse(in, name);
    }

    private RcpspInstance parse(BufferedReader in, String name) throws IOException, PsplibFormatException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            line(line);
        }
        return finish(name);
    }

    private void line(String line) throws PsplibFormatException {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.startsWith("***")) {
            endSection();
            section = Section.HEADER;
            return;
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PRECEDENCE RELATIONS")) {
            needHeader("PRECEDENCE RELATIONS");
            section = Section.PRECEDENCE;
            sawPrecedence = true;
            return;
        }
        if (upper.startsWith("REQUESTS/DURATIONS")) {
            needHeader("REQUESTS/DURATIONS");
            section = Section.REQUESTS;
            sawRequests = true;
            return;
        }
        if (upper.startsWith("RESOURCEAVAILABILITIES")) {
            needHeader("RESOURCEAVAILABILITIES");
            section = Section.AVAILABILITY;
            sawAvailability = true;
            return;
        }
        if (upper.startsWith("PROJECT INFORMATION")) {
            section = Section.PROJECT;
            return;
        }
        switch (section) {
            case HEADER -> header(line);
            case PROJECT -> { }
            case PRECEDENCE -> precedence(line, trimmed);
            case REQUESTS -> request(line, trimmed);
            case AVAILABILITY -> availability(line, trimmed);
        }
    }

    private void header(String line) throws PsplibFormatException {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return;
        }
        String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        List<Token> value = tokens(line, colon + 1);
        if (key.startsWith("jobs")) {
            jobs = number(first(value, "the number of jobs"), "the number of jobs");
            jobsLine = lineNo;
            if (jobs < 2 || jobs > MAX_JOBS) {
                throw error(value.get(0).column, "expected between 2 and " + MAX_JOBS
                        + " jobs (including the dummy source and sink), found " + jobs);
            }
        } else if (key.startsWith("horizon")) {
            horizon = number(first(value, "the horizon"), "the horizon");
        } else if (key.startsWith("- renewable") || key.equals("renewable")) {
            renewable = number(first(value, "the number of renewable resources"), "the number of renewable resources");
        } else if (key.startsWith("- nonrenewable") || key.startsWith("- doubly constrained")) {
            Token count = first(value, "a resource count");
            if (number(count, "a resource count") > 0) {
                throw error(count.column, "this file has " + key.substring(2) + " resources; only renewable "
                        + "resources (single-mode .sm files) can be read");
            }
        }
    }

    private void needHeader(String section) throws PsplibFormatException {
        if (jobs < 0) {
            throw error(0, "section " + section + " comes before the 'jobs (incl. supersource/sink ):' line, "
                    + "which says how many jobs to expect");
        }
        if (renewable < 0) {
            throw error(0, "section " + section + " comes before the '- renewable :' line, which says how many "
                    + "resources to expect");
        }
    }

    private void precedence(String line, String trimmed) throws PsplibFormatException {
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("jobnr")) {
            return;
        }
        List<Token> t = tokens(line, 0);
        int job = jobNumber(t, successors.size(), "PRECEDENCE RELATIONS");
        if (t.size() < 3) {
            throw error(0, "expected job number, number of modes and number of successors for job " + job);
        }
        mode(t.get(1), job, "has %d modes");
        int count = number(t.get(2), "the number of successors of job " + job);
        if (t.size() != 3 + count) {
            throw error(t.get(2).column, "job " + job + " says it has " + count + " successor(s) but lists "
                    + (t.size() - 3));
        }
        int[] next = new int[count];
        for (int i = 0; i < count; i++) {
            Token s = t.get(3 + i);
            next[i] = number(s, "a successor of job " + job);
            if (next[i] < 1 || next[i] > jobs) {
                throw error(s.column, "job " + job + " precedes job " + next[i] + ", which does not exist (jobs are "
                        + "numbered 1–" + jobs + ")");
            }
        }
        successors.add(next);
        precedenceLines.add(lineNo);
    }

    private void request(String line, String trimmed) throws PsplibFormatException {
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jobnr") || trimmed.startsWith("---")) {
            return;
        }
        List<Token> t = tokens(line, 0);
        int job = jobNumber(t, requests.size(), "REQUESTS/DURATIONS");
        if (t.size() != 3 + renewable) {
            throw error(0, "expected job number, mode, duration and " + renewable + " resource request(s) for job "
                    + job + ", found " + t.size() + " values");
        }
        mode(t.get(1), job, "is listed in mode %d");
        int[] row = new int[1 + renewable];
        int[] columns = new int[1 + renewable];
        for (int i = 0; i <= renewable; i++) {
            Token v = t.get(2 + i);
            String what = i == 0 ? "the duration of job " + job : "job " + job + "'s request of resource " + i;
            row[i] = number(v, what);
            columns[i] = v.column;
            if (row[i] < 0) {
                throw error(v.column, "expected a number of 0 or more for " + what + ", found " + row[i]);
            }
        }
        requests.add(row);
        requestLines.add(lineNo);
        requestColumns.add(columns);
    }

    private void availability(String line, String trimmed) throws PsplibFormatException {
        if (availability != null) {
            throw error(0, "expected the end of RESOURCEAVAILABILITIES after its one line of capacities, found '"
                    + trimmed + "'");
        }
        if (Character.isLetter(trimmed.charAt(0))) {
            String[] names = trimmed.split("\\s{2,}");
            resourceNames = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                resourceNames[i] = names[i].replace(" ", "");
            }
            return;
        }
        List<Token> t = tokens(line, 0);
        if (t.size() != renewable) {
            throw error(0, "expected " + renewable + " resource capacities, found " + t.size() + " values");
        }
        availability = new int[renewable];
        for (int k = 0; k < renewable; k++) {
            availability[k] = number(t.get(k), "the capacity of resource " + (k + 1));
            if (availability[k] < 0) {
                throw error(t.get(k).column, "expected a capacity of 0 or more, found " + availability[k]);
            }
        }
        availabilityLine = lineNo;
    }

    /** A section ends at a line of asterisks: it must have had a row for every job by then. */
    private void endSection() throws PsplibFormatException {
        if (section == Section.PRECEDENCE && successors.size() != jobs) {
            throw error(0, "PRECEDENCE RELATIONS ends after " + successors.size() + " job(s); expected " + jobs);
        }
        if (section == Section.REQUESTS && requests.size() != jobs) {
            throw error(0, "REQUESTS/DURATIONS ends after " + requests.size() + " job(s); expected " + jobs);
        }
        if (section == Section.AVAILABILITY && availability == null) {
            throw error(0, "RESOURCEAVAILABILITIES ends without its line of " + renewable + " capacities");
        }
    }

    private RcpspInstance finish(String name) throws PsplibFormatException {
        endSection();
        lineNo++;
        if (jobs < 0) {
            throw error(0, "missing the 'jobs (incl. supersource/sink ):' line: this is not a PSPLIB .sm file");
        }
        require(sawPrecedence, "PRECEDENCE RELATIONS");
        require(sawRequests, "REQUESTS/DURATIONS");
        require(sawAvailability, "RESOURCEAVAILABILITIES");
        String[] names = resourceNames != null && resourceNames.length == renewable ? resourceNames
                : java.util.stream.IntStream.rangeClosed(1, renewable).mapToObj(k -> "R" + k).toArray(String[]::new);
        for (int j = 0; j < jobs; j++) {
            for (int k = 0; k < renewable; k++) {
                int need = requests.get(j)[1 + k];
                if (need > availability[k]) {
                    lineNo = requestLines.get(j);
                    throw new PsplibFormatException(source, lineNo, requestColumns.get(j)[1 + k], "job " + (j + 1)
                            + " requests " + need + " of " + names[k] + " but only " + availability[k]
                            + " is available (line " + availabilityLine + "): the instance is infeasible, no "
                            + "schedule exists", true);
                }
            }
        }
        Project.Builder b = Project.builder(name, Capacity.constant(availability), names);
        for (int j = 0; j < jobs; j++) {
            int[] row = requests.get(j);
            b.activity("job " + (j + 1), row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        for (int j = 0; j < jobs; j++) {
            for (int s : successors.get(j)) {
                if (s - 1 == j) {
                    throw new PsplibFormatException(source, precedenceLines.get(j), 0, "job " + (j + 1)
                            + " lists itself as its own successor: the instance is infeasible", true);
                }
                b.precedence(j, s - 1);
            }
        }
        try {
            return new RcpspInstance(name, b.build(), horizon);
        } catch (Project.CycleException e) {
            String why = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            throw new PsplibFormatException(source, precedenceLines.get(e.cycle()[0]), 0, why
                    + ": the instance is infeasible", true);
        }
    }

    private void require(boolean seen, String section) throws PsplibFormatException {
        if (!seen) {
            throw error(0, "missing section " + section + ": (the file ends here)");
        }
    }

    private int jobNumber(List<Token> t, int rowsSoFar, String section) throws PsplibFormatException {
        int expected = rowsSoFar + 1;
        if (expected > jobs) {
            throw error(0, section + " has more rows than the " + jobs + " jobs the header declares (line " + jobsLine
                    + ")");
        }
        int job = number(t.get(0), "a job number");
        if (job != expected) {
            throw error(t.get(0).column, "expected job " + expected + " in " + section + ", found job " + job);
        }
        return job;
    }

    private void mode(Token t, int job, String says) throws PsplibFormatException {
        int mode = number(t, "the mode of job " + job);
        if (mode != 1) {
            throw error(t.column, "job " + job + " " + String.format(Locale.ROOT, says, mode)
                    + "; only single-mode (.sm) files can be read");
        }
    }

    private Token first(List<Token> value, String what) throws PsplibFormatException {
        if (value.isEmpty()) {
            throw error(0, "expected " + what + " after the colon, found nothing");
        }
        return value.get(0);
    }

    private int number(Token t, String what) throws PsplibFormatException {
        try {
            return Integer.parseInt(t.text);
        } catch (NumberFormatException e) {
            throw error(t.column, "expected a whole number for " + what + ", found '" + t.text + "'");
        }
    }

    private PsplibFormatException error(int column, String message) {
        return new PsplibFormatException(source, lineNo, column, message, false);
    }

    /** A word of a line and its 1-based column. */
    private record Token(String text, int column) {
    }

    private static List<Token> tokens(String line, int from) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(line.substring(start, i), start + 1));
            }
        }
        return out;
    }
}
