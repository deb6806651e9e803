package dev.baton.app.experiment;

import dev.baton.app.json.Json;
import dev.baton.app.store.Changes;
import dev.baton.app.store.Projection;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ExperimentResultsRecorded;
import java.sql.Timestamp;
import org.springframework.stereotype.Component;

/** The {@code experiment_results} table of {@code V9__experiment_results.sql}, kept by {@link ExperimentResultsRecorded}. */
@Component
public class ExperimentProjection implements Projection {

    @Override
    public void changes(RecordedEvent e, Changes changes) {
        if (e.event() instanceof ExperimentResultsRecorded r) {
            changes.add("insert into experiment_results (item_id, upload_id, format, file_name, statistics, summary, "
                            + "recorded_by, recorded_at, version) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) "
                            + "on conflict do nothing", e.stream(), r.upload(), r.format(), r.file(),
                    Json.write(r.statistics()), r.summary(), e.actor(), Timestamp.from(e.at()), e.version());
        }
    }
}
