package dev.baton.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Timer;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No AI inside automations (docs/assist.md, "No AI inside automations"): what runs without a
 * person asking (notifications, the weekly report by email, anything on a timer, the engine's
 * commands) never reaches an assistant or a model. Baton has no setting to turn AI on inside an
 * automation, because no path exists; these rules fail the day one appears, so that it comes with
 * such a setting (the person and the time recorded) rather than by accident.
 */
class NoAiInAutomationsTest {

    /** Where assistants and model calls live: Baton's assistants, and LangChain4j, through which every model is called. */
    static final String[] AI = {"dev.baton.assist..", "dev.langchain4j.."};
    /** The code that calls a configured model, and the model client itself. */
    static final String[] MODEL_CALLS = {"dev.baton.assist.provider..", "dev.langchain4j.model.."};

    static JavaClasses classes;

    @BeforeAll
    static void importBaton() {
        ArchitectureTest.importBaton();
        classes = ArchitectureTest.classes;
    }

    @Test
    void notificationsUseNoAssistant() {
        noClasses().that().resideInAPackage("dev.baton.app.notify..")
                .should().dependOnClassesThat().resideInAnyPackage(AI)
                .because("notifications and report emails run without a person asking: no AI inside automations")
                .check(classes);
    }

    @Test
    void nothingANotificationRunsReachesAModel() {
        noClasses().that().resideInAPackage("dev.baton.app.notify..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage(MODEL_CALLS)
                .because("no path from an automation may end in a call to a model")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void whatRunsOnATimerUsesNoAssistant() {
        noClasses().that(scheduleWork())
                .should().dependOnClassesThat().resideInAnyPackage(AI)
                .because("work on a timer runs without a person asking: no AI inside automations")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theRulesSeeTheAutomationsThatExist() {
        // Not vacuous: the notification schedule is a class that schedules work (through the cluster's
        // one-server-at-a-time jobs), and the rules would catch a use there.
        assertThat(classes.stream().filter(scheduleWork()).map(JavaClass::getSimpleName))
                .contains("NotificationSchedule", "ClusterJobs");
        assertThat(classes.get("dev.baton.app.notify.NotificationSchedule").getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("dev.baton.app.notify"));
    }

    @Test
    void theEngineUsesNoAssistant() {
        noClasses().that().resideInAPackage("dev.baton.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(AI)
                .because("the engine's commands change work: a draft becomes a change only as a person's own command")
                .check(classes);
    }

    /**
     * Classes that schedule work: themselves (a scheduled executor, a timer, Spring's scheduling), or
     * through {@link dev.baton.app.store.ClusterJobs}, which runs a job on one server of a cluster at a time.
     */
    private static DescribedPredicate<JavaClass> scheduleWork() {
        return DescribedPredicate.describe("schedule work", c -> c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().isAssignableTo(ScheduledExecutorService.class)
                        || d.getTargetClass().isAssignableTo(Timer.class)
                        || d.getTargetClass().getPackageName().startsWith("org.springframework.scheduling")
                        || d.getTargetClass().isAssignableTo(dev.baton.app.store.ClusterJobs.class)));
    }
}
