package dev.baton.app.web;

import org.springframework.stereotype.Controller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in form (Spring Security checks the password), signing out, and the page for a refused action. */
@Controller
class SignInPage {

    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    /**
     * A refused action, whatever its method: Spring Security forwards a refused POST here, and it
     * must get this page with a 403, not a 405 for the forward.
     */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "denied";
    }

    /** Signing out is a POST (with its CSRF token); a link or a bookmark to it gets the button. */
    @GetMapping("/signout")
    String signOut(java.security.Principal principal, org.springframework.ui.Model page) {
        page.addAttribute("signedIn", principal != null);
        return "signout";
    }
}
