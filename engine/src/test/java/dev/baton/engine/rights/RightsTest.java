package dev.baton.engine.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Examples;
import dev.baton.model.validation.ModelValidation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RightsTest {

    final Rights rights = new Rights(ModelValidation.validate("b2b-saas.yaml", Examples.text("b2b-saas.yaml")).model());

    @Test
    void aPersonHoldsWhatIsGivenToThemTheirTeamsAndTheirFunction() {
        assertThat(rights.holds("sam.rivera", "sam.rivera")).isTrue();
        assertThat(rights.holds("sam.rivera", "content-studio")).isTrue();
        assertThat(rights.holds("sam.rivera", "content")).isTrue();
        assertThat(rights.holds("sam.rivera", "maya.chen")).isFalse();
        assertThat(rights.holds("sam.rivera", "pmm-team")).isFalse();
        assertThat(rights.holds("sam.rivera", "pmm")).isFalse();
        assertThat(rights.holds("sam.rivera", "no-such-party")).isFalse();
        assertThat(rights.holds("nobody", "content")).isFalse();
        assertThat(rights.heldBy("leo.okafor", List.of("maya.chen", "pmm-team", "content", "pmm")))
                .containsExactly("pmm-team", "pmm");
    }

    @Test
    void namesReadAsWords() {
        assertThat(Names.words("legal-review")).isEqualTo("Legal review");
        assertThat(Names.words("utm-plan")).isEqualTo("UTM plan");
        assertThat(Names.words("cs-playbook")).isEqualTo("CS playbook");
        assertThat(Names.and(List.of("A", "B", "C"))).isEqualTo("A, B and C");
        assertThat(Names.or(List.of("A", "B"))).isEqualTo("A or B");
        assertThat(Names.person(rights.model(), "maya.chen")).isEqualTo("Maya Chen");
    }
}
