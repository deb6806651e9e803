package dev.baton.app.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are. Spring Boot adds a {@link ResourceUrlEncodingFilter}
 * because the webjars are on the class path; it would put versions into webjar links, and to
 * find out whether a link is a static file it looks every link of every page up in the jar. A
 * board of 300 cards has about a thousand links: that lookup was two thirds of the board's
 * server time at 100,000 items. The webjar links in the templates are version-free and the
 * webjars resolver serves them as they are, so the filter is not needed: registered here,
 * disabled, so that Boot does not add its own.
 */
@Configuration
class StaticLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
