package dev.baton.app.assist;

import dev.baton.app.learning.LearningLog;
import dev.baton.assist.themes.Themes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Post-mortem themes on the server (docs/assist.md): what the written post-mortems found (what went
 * well, what to change, their facts) and why work was sent back or turned down, grouped by meaning
 * ({@link Themes}) with their items. Titles are the items' own, from the post-mortems.
 */
@Component
public class PostMortemThemes {

    /** The most recent post-mortems read. */
    static final int POST_MORTEMS = 1_000;

    private final Assistants assistants;
    private final LearningLog log;

    PostMortemThemes(Assistants assistants, LearningLog log) {
        this.assistants = assistants;
        this.log = log;
    }

    public List<Themes.Theme> themes() {
        List<Themes.Finding> findings = new ArrayList<>();
        for (LearningLog.PostMortemRow p : log.postMortems(POST_MORTEMS)) {
            String ref = "post-mortem:" + p.item();
            findings.add(new Themes.Finding(p.item(), p.title(), "went-well", p.wentWell(), ref));
            findings.add(new Themes.Finding(p.item(), p.title(), "to-change", p.toChange(), ref));
        }
        findings.addAll(assistants.rejections());
        return Themes.of(findings, assistants.embedder());
    }
}
