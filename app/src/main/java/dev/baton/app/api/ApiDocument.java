package dev.baton.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /api/docs} says of the API as a whole: its name and version,
 * how to sign in (HTTP Basic for people, Bearer API tokens for programs); {@link ApiContract} adds
 * each operation's schemas, errors and examples from {@code api/contract.yaml}.
 */
@Configuration
class ApiDocument {

    static final String BASIC = "basic";
    static final String BEARER = "apiToken";

    /** The contract's schemas, errors and examples, laid over the operations springdoc found. */
    @Bean
    OpenApiCustomizer contract() {
        ApiContract contract = ApiContract.load();
        return contract::describe;
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
                // Relative: the document holds wherever the server runs, behind a proxy too.
                .servers(java.util.List.of(new Server().url("/").description("this server")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
