package dev.baton.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Metric;
import dev.baton.model.MetricMeasure;
import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.SourceMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricMeasureReaderTest {

    private Problems problems;

    private OperatingModel read(String yaml) {
        problems = new Problems(new SourceMap());
        return ModelReader.read(yaml, problems);
    }

    private List<String> found() {
        return problems.sorted().stream().map(p -> p.line() + ":" + p.column() + ":" + p.code() + ":" + p.message()).toList();
    }

    @Test
    void readsWordsAndStagedMeasuresWithTheirPeriods() {
        OperatingModel model = read("""
                apiVersion: baton/v1
                metrics:
                  - id: pipeline
                    target: 100
                    measure: sourced-pipeline
                    per: month
                  - id: mql-to-sql
                    unit: percent
                    measure:
                      conversion: {from: mql, to: sql}
                  - id: speed
                    measure: {median-days: {from: sql, to: won}}
                  - id: sqls
                    measure: {count: {stage: sql}}
                  - id: words
                    definition: no measure yet
                """);
        assertThat(found()).isEmpty();
        List<Metric> m = model.metrics();
        assertThat(m.get(0).measure()).isEqualTo(new MetricMeasure(MetricMeasure.Kind.SOURCED_PIPELINE, null, null));
        assertThat(m.get(0).per()).isEqualTo(Metric.Period.MONTH);
        assertThat(m.get(1).measure()).isEqualTo(new MetricMeasure(MetricMeasure.Kind.CONVERSION, "mql", "sql"));
        assertThat(m.get(1).per()).isEqualTo(Metric.Period.QUARTER);
        assertThat(m.get(1).inPercent()).isTrue();
        assertThat(m.get(2).measure().lowerIsBetter()).isTrue();
        assertThat(m.get(3).measure()).isEqualTo(new MetricMeasure(MetricMeasure.Kind.COUNT, null, "sql"));
        assertThat(m.get(4).measure()).isNull();
    }

    @Test
    void everyMistakeIsReportedAtItsPlace() {
        read("""
                apiVersion: baton/v1
                metrics:
                  - id: a
                    measure: sourced-pipline
                    per: week
                  - id: b
                    measure: conversion
                  - id: c
                    measure: {conversion: {from: mql}}
                  - id: d
                    measure: {count: {stage: sql}, conversion: {from: mql, to: sql}}
                  - id: e
                    measure: {won-revenue: {}}
                """);
        assertThat(found()).containsExactly(
                "4:14:bad-value:expected a measure (sourced-pipeline, influenced-pipeline, won-revenue, win-rate, "
                        + "conversion, median-days, count), found 'sourced-pipline' (did you mean 'sourced-pipeline'?)",
                "5:10:bad-value:expected a period (month, quarter), found 'week'",
                "7:14:bad-value:expected the stages of 'conversion' too, found none (write conversion: {from: mql, to: sql})",
                "9:27:missing-key:expected 'to' (a funnel stage id such as sql) here, found no such key",
                "11:14:bad-value:expected one measure (conversion, median-days, count), found count and conversion",
                "13:15:unknown-key:expected a key of a measure with stages (conversion, median-days, count), found 'won-revenue'");
    }
}
