package dev.baton.app.web;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders one fragment of a page's template, as the server does (Spring's engine, SpEL), without a server. */
final class Fragments {

    private Fragments() {
    }

    /** The fragment {@code fragment} of {@code templates/<template>.html} with one variable set. */
    static String render(String template, String fragment, String variable, Object value) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // A web context: fragments link pages (@{/items/{id}}), which needs the request's context path.
        JakartaServletWebApplication web = JakartaServletWebApplication.buildApplication(new MockServletContext());
        WebContext context = new WebContext(web.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse()));
        context.setVariable(variable, value);
        return engine.process(template, java.util.Set.of(fragment), context);
    }
}
