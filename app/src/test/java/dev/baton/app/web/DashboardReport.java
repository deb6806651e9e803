package dev.baton.app.web;

import dev.baton.insight.debt.DebtReportJson;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The report behind the debt dashboard of a running server, as {@code baton analyze --format json}
 * writes a report: what the page's figures come from ({@link DebtReports}), for tests outside this
 * package to compare.
 */
public final class DashboardReport {

    private DashboardReport() {
    }

    public static Map<String, Object> of(ApplicationContext context) {
        return DebtReportJson.toMap(context.getBean(DebtReports.class).current().report());
    }

    /** The report without the log positions its evidence points at (they move when the same events are stored anew). */
    @SuppressWarnings("unchecked")
    public static Object withoutPositions(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!k.equals("positions")) {
                    copy.put(k, withoutPositions(v));
                }
            });
            return copy;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(DashboardReport::withoutPositions).toList();
        }
        return json;
    }
}
