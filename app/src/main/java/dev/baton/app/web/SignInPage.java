package dev.baton.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security checks the password) and the page for a refused action. */
@Controller
class SignInPage {

    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    @GetMapping("/denied")
    String denied() {
        return "denied";
    }
}
