package dev.baton.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionsTest {

    static final Map<String, String> PEOPLE = Map.of("maya.chen", "maya.chen", "maya", "maya.chen", "jon.ito", "jon.ito");

    @Test
    void aPersonIdOrUserNameIsAMentionAnEmailAddressOrAnUnknownNameIsNot() {
        assertThat(Mentions.in("@maya can you look? @jon.ito, the UTM plan. Mail nora@northwind.example or @nobody.",
                PEOPLE::get)).containsExactly("maya.chen", "jon.ito");
    }

    @Test
    void thePunctuationThatEndsASentenceIsNotPartOfTheNameAndEachPersonIsToldOnce() {
        assertThat(Mentions.in("Thanks @maya.chen. And again, @maya!", PEOPLE::get)).containsExactly("maya.chen");
        assertThat(Mentions.in(null, PEOPLE::get)).isEmpty();
    }
}
