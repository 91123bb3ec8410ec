package dev.softdelete.spring.internal;

import dev.softdelete.ActorProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of a delete: the name of Spring Security's current authentication, or {@code null}
 * when nobody is authenticated (anonymous requests included, whose name would be a placeholder).
 */
public final class SecurityContextActorProvider implements ActorProvider {

    @Override
    public String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }
}
