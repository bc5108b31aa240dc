package it.sportello.cli;

import it.sportello.kb.KbChecker;
import it.sportello.kb.KnowledgeBase;
import it.sportello.kb.KnowledgeBaseLoader;
import it.sportello.kb.Problem;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The staff's tools for the knowledge base. */
@Command(name = "kb", mixinStandardHelpOptions = true, description = "Knowledge-base tools for staff.",
        subcommands = KbCommand.Check.class)
final class KbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks every section file: fields, url domain, duplicates, body length, review date,",
                    "required sections. Exit 1 when there is an error; warnings alone exit 0."})
    static final class Check implements Callable<Integer> {

        @Mixin
        HomeOption home;

        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", description = "only this tenant (default: all)")
        String tenant;

        @Option(names = "--dir", paramLabel = "DIR", description = "check this folder instead of knowledge-base/<tenant> (needs --tenant)")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TenantRegistry tenants = TenantRegistry.load(home.home.resolve("config/tenants"));
            List<TenantConfig> selected = tenant == null ? tenants.all() : List.of(tenants.get(tenant));
            if (dir != null && tenant == null) {
                spec.commandLine().getErr().println("kb check: --dir needs --tenant");
                return 2;
            }
            KbChecker checker = new KbChecker(LocalDate.now());
            int errors = 0;
            int warnings = 0;
            for (TenantConfig t : selected) {
                Path folder = dir != null ? dir : home.home.resolve("knowledge-base").resolve(t.id());
                KnowledgeBase kb = new KnowledgeBaseLoader().load(t.id(), folder);
                List<Problem> problems = checker.check(kb, t, folder);
                problems.forEach(out::println);
                long e = problems.stream().filter(Problem::isError).count();
                errors += (int) e;
                warnings += (int) (problems.size() - e);
                out.printf("%s: %d sections, %d errors, %d warnings%n", t.id(), kb.sections().size(), e, problems.size() - e);
            }
            out.printf("kb check: %s (%d errors, %d warnings)%n", errors == 0 ? "passed" : "FAILED", errors, warnings);
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }
}
