package it.sportello.console;

import it.sportello.console.auth.Account;
import it.sportello.console.auth.Role;
import it.sportello.store.ConsoleSession;

/** Who is looking at a console page: the account (read again at each request) and its session. */
record Viewer(Account account, ConsoleSession session) {

    String username() {
        return account.username();
    }

    String csrf() {
        return session.csrf();
    }

    boolean canModerate(String tenant) {
        return account.can(Role.MODERATOR, tenant);
    }

    /** The knowledge views: curators, and moderators too, who see the same questions in their queue. */
    boolean canCurate(String tenant) {
        return account.can(Role.CURATOR, tenant) || account.can(Role.MODERATOR, tenant);
    }

    boolean canSee(String tenant) {
        return canModerate(tenant) || canCurate(tenant);
    }

    boolean isAdmin() {
        return account.isAdmin();
    }
}
