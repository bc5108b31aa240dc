package it.sportello.console.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every console account, by username; immutable, so a login never sees a half-written change. */
public record Accounts(List<Account> all) {

    public Accounts {
        all = all == null ? List.of() : all.stream().sorted(Comparator.comparing(Account::username)).toList();
        Set<String> seen = new HashSet<>();
        for (Account a : all) {
            if (!seen.add(a.username())) {
                throw new IllegalArgumentException("account '" + a.username() + "' appears twice");
            }
        }
    }

    public static Accounts none() {
        return new Accounts(List.of());
    }

    public Optional<Account> find(String username) {
        return all.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** These accounts with {@code account} added, or in place of the one with its username. */
    public Accounts with(Account account) {
        List<Account> next = new ArrayList<>(all.stream().filter(a -> !a.username().equals(account.username())).toList());
        next.add(account);
        return new Accounts(next);
    }
}
