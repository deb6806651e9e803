package dev.baton.app.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail), set up by the server properties {@code baton.mail.*}: {@code host}
 * (none: no email is sent), {@code port}, {@code username}, {@code password}, {@code from},
 * {@code starttls} and {@code timeout}.
 */
@Component
public class MailChannel {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final String from;

    MailChannel(@Value("${baton.mail.host:}") String host, @Value("${baton.mail.port:25}") int port,
                @Value("${baton.mail.username:}") String username, @Value("${baton.mail.password:}") String password,
                @Value("${baton.mail.from:baton@localhost}") String from,
                @Value("${baton.mail.starttls:false}") boolean starttls,
                @Value("${baton.mail.timeout:PT10S}") Duration timeout) {
        this.from = from;
        sender.setHost(host.isBlank() ? null : host.strip());
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        if (!username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
        }
        Properties p = sender.getJavaMailProperties();
        p.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        // A server that does not answer must not hold the deliveries of everyone else.
        String millis = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
    }

    /** Whether email is set up (baton.mail.host). */
    public boolean configured() {
        return sender.getHost() != null;
    }

    /** Sends one letter; a refused connection or an SMTP error is thrown, for the delivery to be retried. */
    public void send(String to, Letter letter) throws MessagingException, MailException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, letter.html() != null, "UTF-8");
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(letter.subject());
        if (letter.html() != null) {
            mail.setText(letter.text(), letter.html());
        } else {
            mail.setText(letter.text());
        }
        sender.send(message);
    }
}
