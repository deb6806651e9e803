package dev.baton.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /api/docs} says of the API as a whole: its name and version,
 * how to sign in (HTTP Basic for people, Bearer API tokens for programs), and the problem-details
 * shape every error has (RFC 9457 with Baton's {@code code}; docs/api.md lists the codes).
 */
@Configuration
class ApiDocument {

    static final String BASIC = "basic";
    static final String BEARER = "apiToken";

    /** The problem-details schema, added once springdoc has generated the operations' own schemas. */
    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas("Problem", problem());
        };
    }

    private static ObjectSchema problem() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("An error as RFC 9457 problem details, with a stable code (docs/api.md, Errors)");
        problem.addProperty("type", new StringSchema().example("urn:baton:problem:stale-version"));
        problem.addProperty("title", new StringSchema().example("Conflict"));
        problem.addProperty("status", new IntegerSchema().example(409));
        problem.addProperty("detail", new StringSchema()
                .example("Someone changed this item while you were looking at it (it is at version 4, you saw version 3)"));
        problem.addProperty("code", new StringSchema().example("stale-version"));
        problem.setRequired(java.util.List.of("type", "title", "status", "detail", "code"));
        return problem;
    }

    @Bean
    OpenAPI batonApi() {
        return new OpenAPI()
                .info(new Info().title("Baton API").version("v1")
                        .description("Run marketing work through the operating model, import tool histories and read the "
                                + "orchestration-debt report. Every error is a Problem. See docs/api.md.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user's name and password; wrong passwords are throttled (429)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from POST /api/v1/tokens (baton_...)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
