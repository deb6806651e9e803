package dev.baton.measure.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Free-mail domains: an address there says who a person is, never which company they buy for,
 * so it never makes an account. The mapping's {@code identity.personal-domains} adds to the list.
 */
final class PersonalDomains {

    private static final List<String> BUILT_IN = List.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk",
            "yahoo.fr", "yahoo.de", "ymail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "outlook.com",
            "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
            "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.com", "yandex.ru", "qq.com",
            "163.com", "126.com", "fastmail.com", "hey.com", "zoho.com", "tutanota.com", "orange.fr", "free.fr",
            "t-online.de", "libero.it", "comcast.net", "verizon.net", "att.net");

    private final Set<String> domains = new HashSet<>(BUILT_IN);

    PersonalDomains(List<String> extra) {
        domains.addAll(extra);
    }

    boolean contains(String domain) {
        return domains.contains(domain);
    }
}
