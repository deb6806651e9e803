package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.assist.Assist;
import dev.baton.assist.Assistant;
import dev.baton.assist.gate.AssistGate;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.history.WorkHistory;
import dev.baton.assist.json.AssistJson;
import dev.baton.assist.provider.Provider;
import dev.baton.assist.provider.ProviderException;
import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.MessageVariants;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton assist variants --model M --log L --item ID|--brief FILE --segments a,b
 * [--format text|json] --ai-url URL --ai-model NAME}: a brief's message per audience segment,
 * written by a configured model, where the model gives audience and messaging an owner
 * (docs/assist.md, "Message variants"). Offline it says it writes none.
 */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "Variants of a brief's message, one per audience segment, each a draft for the owner of messaging. "
                + "Only where the model gives audience and messaging an owner, and only with a configured model "
                + "(--ai-url, --ai-model): offline Baton writes none rather than fake them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:variants written", "1:not available (no model configured, audience or messaging without an "
                + "owner: said, with \"available\": false in JSON), not ready, unknown item, unreadable brief, invalid "
                + "model or log, the model server failed", "2:usage error"})
final class AssistVariantsCommand implements Callable<Integer> {

    @Mixin
    AssistOptions options = new AssistOptions();

    @Mixin
    LogOptions logOptions = new LogOptions();

    /** Whose brief: an item's in the log, or a file's text. */
    static final class Brief {
        @Option(names = "--item", required = true, paramLabel = "ID", description = "The work item whose brief to vary.")
        String item;

        @Option(names = "--brief", required = true, paramLabel = "FILE", description = "A brief as text (UTF-8).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Brief brief;

    @Option(names = "--segments", required = true, split = ",", paramLabel = "SEGMENT",
            description = "The audience segments, comma-separated (\"fintech CFOs,healthcare controllers\"); at most "
                    + VariantRequest.MAX_SEGMENTS + ".")
    List<String> segments;

    @Mixin
    AiOptions ai = new AiOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<String> named;
        try {
            named = VariantRequest.segments(segments);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " in --segments");
        }
        if (options.override != null && options.override.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a reason with --override, found none");
        }
        Provider provider = ai.provider(spec.commandLine(), Clock.systemUTC());
        ValidationReport validation = options.model(err);
        if (validation == null) {
            return Baton.INVALID;
        }
        VariantRequest request;
        Gate gate = null;
        if (brief.file != null) {
            String text = text(brief.file, err);
            if (text == null) {
                return Baton.INVALID;
            }
            request = new VariantRequest(validation.model(), null, brief.file.toString(), text, named);
        } else {
            AssistLog.Read read = AssistLog.read(logOptions, validation, new WorkHistory(), true, false, err);
            if (read == null) {
                return Baton.INVALID;
            }
            PastWork item = read.work().item(brief.item).orElse(null);
            if (item == null) {
                err.println(logOptions.log + ": error: expected work item '" + brief.item + "', found no event of it");
                return Baton.INVALID;
            }
            String text = Assist.briefText(item);
            if (text.isBlank()) {
                err.println(logOptions.log + ": error: work item '" + brief.item + "' has no title and no field: no brief to vary");
                return Baton.INVALID;
            }
            if (item.workType() != null && validation.model().workType(item.workType()).isPresent()) {
                gate = AssistGate.forWorkType(Assistant.MESSAGE_VARIANTS, read.report(), item.workType(), options.override);
                if (!AssistOptions.allowed(gate, "variants", "work type '" + item.workType() + "' is", err)) {
                    return Baton.INVALID;
                }
            }
            request = new VariantRequest(validation.model(), item.workType(), item.id(), text, named);
        }
        MessageVariants result;
        try {
            result = Assist.variants(request, provider, ai.who);
        } catch (ProviderException e) {
            err.println("baton assist variants: " + e.getMessage());
            return Baton.INVALID;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println(Json.write(AssistJson.variants(request, gate, result)));
        } else if (!result.available()) {
            err.println("baton assist variants: " + result.reason());
        } else {
            out.println("Message variants of " + request.subject() + " (" + result.provider() + "); each a draft for the "
                    + "owner of messaging to take, edit or discard.");
            if (gate != null && gate.overridden()) {
                out.println("Not ready for AI, written under an override: " + gate.override());
            }
            for (MessageVariant v : result.variants()) {
                out.println();
                out.println("[" + v.segment() + "] " + v.headline());
                out.println("  " + v.body());
            }
        }
        return result.available() ? Baton.OK : Baton.INVALID;
    }

    /** The brief file's text; null when it cannot be read, said on {@code err}. */
    private static String text(Path file, PrintWriter err) throws IOException {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": error: " + (Files.exists(file) ? "expected a brief file, found a directory" : "no such file"));
            return null;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            err.println(file + ": error: expected a brief as UTF-8 text, found bytes that are not UTF-8");
            return null;
        }
        if (text.isBlank()) {
            err.println(file + ": error: expected a brief, found an empty file");
            return null;
        }
        return text;
    }
}
