package it.sportello.channel.facebook;

import facebook4j.Comment;
import facebook4j.Facebook;
import facebook4j.FacebookException;
import facebook4j.Ordering;
import facebook4j.Paging;
import facebook4j.Post;
import facebook4j.Reading;
import facebook4j.ResponseList;
import it.sportello.channel.Poller;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.store.Cursors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a page's new comments (replies to comments included) and hands each to the intake, once. Each
 * round reads the page's latest posts, skips those with no activity since the cursor, and pages through
 * each remaining post's comments newest first until it passes the cursor. The page's own comments are not
 * handed in. The cursor ({@link PollCursor}) moves only after the intake took every comment of the round.
 */
public final class FacebookPoller implements Poller {

    private static final Logger LOG = LoggerFactory.getLogger(FacebookPoller.class);
    /** How far back a round reads again before the cursor: comments Graph shows late. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** On a first start (no cursor), comments younger than this are answered; older ones are history. */
    static final Duration FIRST_LOOKBACK = Duration.ofHours(24);
    static final int POSTS = 25;
    static final int COMMENTS_PER_PAGE = 100;
    /**
     * At most this many pages of a post's new comments a round (10,000 at Graph's 100 a page): a post that
     * gets more between two rounds has its oldest new ones left unread, which is logged.
     */
    static final int MAX_PAGES = 100;

    private final String tenant;
    private final String pageId;
    private final Facebook graph;
    private final Consumer<Message> intake;
    private final Cursors cursors;
    private final Clock clock;
    private final Duration interval;

    /** {@code intake} takes each new comment (the tenant's {@code Intake::receive}); it throws if it cannot store. */
    public FacebookPoller(String tenant, String pageId, Facebook graph, Consumer<Message> intake, Cursors cursors,
                          Clock clock, Duration interval) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.pageId = Objects.requireNonNull(pageId, "pageId");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public String name() {
        return "facebook:" + tenant;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /** A Graph error's description (it never holds an address); the class for anything else. */
    @Override
    public String describe(Exception e) {
        return e instanceof GraphException ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A comment read from Graph, already ours. */
    private record Found(String id, String author, Instant at, String text) { }

    @Override
    public void pollOnce() {
        Instant now = clock.instant();
        PollCursor cursor = cursors.get(name()).flatMap(PollCursor::decode)
                .orElseGet(() -> PollCursor.startingAt(now.minus(FIRST_LOOKBACK)));
        Instant from = cursor.from(OVERLAP);
        List<Found> found = new ArrayList<>();
        int posts = 0;
        for (Post post : posts()) {
            if (post.getUpdatedTime() != null && post.getUpdatedTime().toInstant().isBefore(from)) {
                continue;
            }
            posts++;
            try {
                found.addAll(comments(post.getId(), from));
            } catch (FacebookException e) {
                GraphError error = GraphError.of("comments", e);
                if (error.retryable()) {
                    throw new GraphException(error.description());
                }
                // a post deleted meanwhile, or one the page cannot read: the others go on
                LOG.atWarn().setMessage("post skipped").addKeyValue("poller", name()).addKeyValue("post", post.getId())
                        .addKeyValue("error", error.description()).log();
            }
        }
        found.sort(Comparator.comparing(Found::at).thenComparing(Found::id));
        Map<String, Instant> handed = new LinkedHashMap<>();
        for (Found f : found) {
            if (cursor.handedIn(f.id()) || handed.containsKey(f.id())) {
                continue;
            }
            intake.accept(new Message(f.id(), tenant, Channel.FACEBOOK, Kind.COMMENT, f.author(),
                    f.at().atOffset(ZoneOffset.UTC), f.text()));
            handed.put(f.id(), f.at());
        }
        PollCursor next = cursor.after(handed, OVERLAP);
        if (!next.equals(cursor)) {
            cursors.put(name(), next.encode(), now);
        }
        if (!handed.isEmpty()) {
            LOG.atInfo().setMessage("comments handed in").addKeyValue("poller", name()).addKeyValue("count", handed.size())
                    .addKeyValue("posts", posts).log();
        }
    }

    private List<Post> posts() {
        try {
            return graph.getPosts(pageId, new Reading().fields("id", "created_time", "updated_time").limit(POSTS));
        } catch (FacebookException e) {
            throw new GraphException(GraphError.of("posts", e).description());
        }
    }

    /** A post's comments created at or after {@code from}, newest first through Graph's pages. */
    private List<Found> comments(String postId, Instant from) throws FacebookException {
        List<Found> out = new ArrayList<>();
        Reading reading = new Reading().filter("stream").order(Ordering.REVERSE_CHRONOLOGICAL)
                .fields("id", "from", "message", "created_time").limit(COMMENTS_PER_PAGE);
        ResponseList<Comment> page = graph.getPostComments(postId, reading);
        for (int pages = 1; page != null && !page.isEmpty(); pages++) {
            boolean older = false;
            for (Comment c : page) {
                Optional<Found> f = read(c);
                if (f.isEmpty()) {
                    continue;
                }
                if (f.get().at().isBefore(from)) {
                    older = true;
                } else if (!f.get().author().equals("fb:" + pageId)) {
                    out.add(f.get());
                }
            }
            Paging<Comment> paging = page.getPaging();
            if (older || paging == null || paging.getNext() == null) {
                break;
            }
            if (pages >= MAX_PAGES) {
                LOG.atWarn().setMessage("comments left unread: too many new ones on one post in one round")
                        .addKeyValue("poller", name()).addKeyValue("post", postId).addKeyValue("read", out.size()).log();
                break;
            }
            page = graph.fetchNext(paging);
        }
        return out;
    }

    /** Ours, or empty for what cannot be handed in (no id or time; a sticker without text). */
    private Optional<Found> read(Comment c) {
        if (c.getId() == null || c.getCreatedTime() == null) {
            LOG.atWarn().setMessage("unreadable comment skipped").addKeyValue("poller", name()).log();
            return Optional.empty();
        }
        String text = c.getMessage() == null ? "" : c.getMessage();
        if (text.isBlank()) {
            return Optional.empty();
        }
        String author = c.getFrom() == null || c.getFrom().getId() == null ? "fb:unknown" : "fb:" + c.getFrom().getId();
        return Optional.of(new Found(c.getId(), author, c.getCreatedTime().toInstant(), text));
    }
}
