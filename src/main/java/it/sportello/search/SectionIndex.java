package it.sportello.search;

import it.sportello.kb.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * The in-memory Lucene index of one tenant's sections, built at start-up. Title, keywords, example
 * questions and body are separate fields weighted separately; a question's terms are matched across
 * them (best field per term) and summed. Sections are indexed in id order, so Lucene's tie-break on
 * document number breaks ties by section id and results are deterministic.
 * Words the index does not know are corrected first (vacino → vaccino) against the surface spelling of
 * every section.
 */
public final class SectionIndex implements AutoCloseable {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String QUESTIONS = "questions";
    static final String BODY = "body";
    static final String SPELL = "spell";
    private static final Map<String, Float> BOOSTS = Map.of(TITLE, 3.0f, KEYWORDS, 2.5f, QUESTIONS, 2.0f, BODY, 1.0f);
    private static final List<String> STRONG = List.of(TITLE, KEYWORDS, QUESTIONS);
    private static final int MIN_CORRECTABLE = 4;
    private static final int CORRECTIONS_CACHED = 10_000;

    private final ItalianAnalysis analysis;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** The sections by Lucene document number. */
    private final Section[] byDoc;
    private final java.util.Map<String, Integer> docOf;
    private final DirectSpellChecker speller = new DirectSpellChecker();
    private final Map<String, String> corrections = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CORRECTIONS_CACHED;
        }
    });

    private SectionIndex(ItalianAnalysis analysis, ByteBuffersDirectory directory, List<Section> sections) throws IOException {
        this.analysis = analysis;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.byDoc = new Section[reader.maxDoc()];
        this.docOf = new java.util.HashMap<>();
        Map<String, Section> byId = new java.util.HashMap<>();
        sections.forEach(s -> byId.put(s.id(), s));
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            byDoc[doc] = byId.get(searcher.storedFields().document(doc).get(ID));
            docOf.put(byDoc[doc].id(), doc);
        }
        speller.setAccuracy(0.7f);
        speller.setMaxEdits(1);
        speller.setMinQueryLength(MIN_CORRECTABLE);
        speller.setLowerCaseTerms(false);
    }

    /** Builds the index of {@code sections}; of two sections with the same id the later one is kept. */
    public static SectionIndex build(List<Section> sections, ItalianAnalysis analysis) {
        Map<String, Section> unique = new LinkedHashMap<>();
        sections.forEach(s -> unique.put(s.id(), s));
        List<Section> ordered = new ArrayList<>(unique.values());
        ordered.sort(Comparator.comparing(Section::id));
        Analyzer perField = new PerFieldAnalyzerWrapper(analysis.analyzer(), Map.of(SPELL, analysis.surfaceAnalyzer()));
        // One buffer a file: cheaper to slice and clone per query than many small blocks.
        ByteBuffersDirectory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        IndexWriterConfig config = new IndexWriterConfig(perField).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(48);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (Section s : ordered) {
                writer.addDocument(document(s));
            }
            writer.forceMerge(1);
            writer.commit();
            return new SectionIndex(analysis, dir, ordered);
        } catch (IOException e) {
            throw new SearchException("cannot build the in-memory index", e);
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /** The section with this id, if the index has it. */
    public java.util.Optional<Section> section(String id) {
        return java.util.Optional.ofNullable(docOf.get(id)).map(d -> byDoc[d]);
    }

    /** Every section, in id order. */
    public List<Section> sections() {
        return List.of(byDoc);
    }

    /** The best {@code max} sections for a question by Lucene alone, with the evidence of the first. */
    public SearchResult search(String question, int max) {
        return search(question, max, java.util.Optional.empty());
    }

    /** How many of Lucene's best sections the classifier's prior may reorder. */
    static final int CANDIDATES = 10;
    /** The weight of Lucene's score (relative to the best) against the classifier's probability (relative to its best). */
    static final double LUCENE_WEIGHT = 0.5;

    /**
     * The best {@code max} sections for a question: Lucene's candidates, and the classifier's three likeliest,
     * ranked by {@value #LUCENE_WEIGHT} of Lucene's score and the rest of the classifier's probability, each
     * relative to its best; ties by id. Without a prior, Lucene's order.
     */
    public SearchResult search(String question, int max, java.util.Optional<SectionClassifier.Prior> prior) {
        try {
            List<String> words = analysis.words(question);
            String asWritten = String.join(" ", words);
            String corrected = correct(words);
            List<String> queryTerms = List.copyOf(new LinkedHashSet<>(analysis.terms(corrected)));
            if (queryTerms.isEmpty() || byDoc.length == 0) {
                return SearchResult.empty(corrected);
            }
            // the terms that exist only through a spelling correction, when there was one
            Set<String> byCorrection = new HashSet<>();
            if (!corrected.equals(asWritten)) {
                byCorrection.addAll(queryTerms);
                byCorrection.removeAll(analysis.terms(question));
            }
            TopDocs top = searcher.search(query(queryTerms), prior.isPresent() ? CANDIDATES : Math.max(2, max));
            if (top.scoreDocs.length == 0) {
                return new SearchResult(List.of(), RetrievalEvidence.NONE, corrected);
            }
            List<Ranked> ranked = rank(top, prior);
            double second = ranked.size() > 1 ? ranked.get(1).lucene : 0;
            Ranked first = ranked.get(0);
            RetrievalEvidence evidence = evidence(queryTerms, byCorrection, first.doc, first.lucene, second)
                    .withPrior(first.prior, ranked.size() > 1 ? ranked.get(1).prior : 0, prior.map(SectionClassifier.Prior::none).orElse(0.0),
                            first.doc == top.scoreDocs[0].doc);
            List<Hit> hits = new ArrayList<>();
            for (Ranked r : ranked.subList(0, Math.min(max, ranked.size()))) {
                hits.add(new Hit(byDoc[r.doc], prior.isPresent() ? r.combined : r.lucene));
            }
            return new SearchResult(hits, evidence, corrected);
        } catch (IOException e) {
            throw new SearchException("search failed on the in-memory index", e);
        }
    }

    private record Ranked(int doc, double lucene, double prior, double combined) { }

    private List<Ranked> rank(TopDocs top, java.util.Optional<SectionClassifier.Prior> prior) {
        List<Ranked> out = new ArrayList<>();
        if (prior.isEmpty()) {
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(new Ranked(sd.doc, sd.score, 0, sd.score));
            }
            return out;
        }
        SectionClassifier.Prior p = prior.get();
        java.util.Map<Integer, Double> lucene = new java.util.LinkedHashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            lucene.put(sd.doc, (double) sd.score);
        }
        Integer[] likeliest = new Integer[p.ids().size()];
        for (int i = 0; i < likeliest.length; i++) {
            likeliest[i] = i;
        }
        java.util.Arrays.sort(likeliest, (a, b) -> Double.compare(p.probability()[b], p.probability()[a]));
        for (int k = 0; k < Math.min(3, likeliest.length); k++) {
            Integer doc = docOf.get(p.ids().get(likeliest[k]));
            if (doc != null) {
                lucene.putIfAbsent(doc, 0.0);
            }
        }
        double bestLucene = top.scoreDocs[0].score;
        double bestPrior = likeliest.length == 0 ? 1 : Math.max(1e-9, p.probability()[likeliest[0]]);
        lucene.forEach((doc, score) -> {
            double pr = p.of(byDoc[doc].id());
            out.add(new Ranked(doc, score, pr, LUCENE_WEIGHT * score / bestLucene + (1 - LUCENE_WEIGHT) * pr / bestPrior));
        });
        out.sort(java.util.Comparator.comparingDouble((Ranked r) -> -r.combined).thenComparing(r -> byDoc[r.doc].id()));
        return out;
    }

    /** Replaces words no section contains by the closest one that some section does (vacino → vaccino). */
    String correct(String question) throws IOException {
        return correct(analysis.words(question));
    }

    private String correct(List<String> words) throws IOException {
        StringBuilder out = new StringBuilder(words.size() * 8);
        for (String w : words) {
            out.append(out.length() == 0 ? "" : " ").append(correctWord(w));
        }
        return out.toString();
    }

    private String correctWord(String w) throws IOException {
        if (w.length() < MIN_CORRECTABLE || !w.chars().allMatch(Character::isLetter) || analysis.isStopWord(w)
                || analysis.inVocabulary(w)) {
            return w;
        }
        // every word looked up once: known to the index (kept as it is) or corrected
        String cached = corrections.get(w);
        if (cached != null) {
            return cached;
        }
        String corrected = w;
        if (reader.docFreq(new Term(SPELL, new BytesRef(w))) == 0) {
            SuggestWord[] suggestions = speller.suggestSimilar(new Term(SPELL, w), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            corrected = suggestions.length == 0 ? w : suggestions[0].string;
        }
        corrections.put(w, corrected);
        return corrected;
    }


    /**
     * The confidence of one document for the query, read from the index's postings: one terms enumeration
     * per field and segment, reused for every query term (each new enumeration costs more than a seek).
     */
    private RetrievalEvidence evidence(List<String> queryTerms, Set<String> byCorrection, int doc, double top, double second)
            throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        int homeIndex = ReaderUtil.subIndex(doc, leaves);
        List<String> fields = List.copyOf(BOOSTS.keySet());
        TermsEnum[][] enums = enums(leaves, fields);
        // one postings enumeration a field, reused for every term: whether the term is in the document
        PostingsEnum[] reuse = new PostingsEnum[fields.size()];
        int local = doc - leaves.get(homeIndex).docBase;
        List<Confidence.TermEvidence> evidence = new ArrayList<>(queryTerms.size());
        boolean titleMatch = false;
        for (String t : queryTerms) {
            BytesRef term = new BytesRef(t);
            int df = 0;
            boolean strong = false;
            boolean body = false;
            for (int f = 0; f < fields.size(); f++) {
                int fieldDf = 0;
                for (int l = 0; l < leaves.size(); l++) {
                    TermsEnum te = enums[l][f];
                    if (te == null || !te.seekExact(term)) {
                        continue;
                    }
                    fieldDf += te.docFreq();
                    if (l == homeIndex && (reuse[f] = te.postings(reuse[f], PostingsEnum.NONE)).advance(local) == local) {
                        String field = fields.get(f);
                        strong |= STRONG.contains(field);
                        body |= BODY.equals(field);
                        titleMatch |= TITLE.equals(field);
                    }
                }
                df = Math.max(df, fieldDf);
            }
            evidence.add(new Confidence.TermEvidence(df, strong, body && !strong, byCorrection.contains(t)));
        }
        return Confidence.evidence(evidence, reader.numDocs(), top, second, titleMatch);
    }


    /**
     * Each term's best field, summed. The term statistics are read here with one terms enumeration per field and
     * segment, and handed to the queries: left to themselves, forty term queries would each open enumerations of
     * their own (the index's blocks, kilobytes each), and a field that lacks the term is left out at once.
     */
    private Query query(List<String> queryTerms) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        List<String> fields = List.copyOf(BOOSTS.keySet());
        TermsEnum[][] enums = enums(leaves, fields);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String t : queryTerms) {
            BytesRef bytes = new BytesRef(t);
            List<Query> perField = new ArrayList<>(fields.size());
            for (int f = 0; f < fields.size(); f++) {
                TermStates states = null;
                for (int l = 0; l < leaves.size(); l++) {
                    TermsEnum te = enums[l][f];
                    if (te != null && te.seekExact(bytes)) {
                        if (states == null) {
                            states = new TermStates(reader.getContext());
                        }
                        states.register(te.termState(), leaves.get(l).ord, te.docFreq(), te.totalTermFreq());
                    }
                }
                if (states != null) {
                    perField.add(new BoostQuery(new TermQuery(new Term(fields.get(f), bytes), states), BOOSTS.get(fields.get(f))));
                }
            }
            if (!perField.isEmpty()) {
                all.add(new DisjunctionMaxQuery(perField, 0.1f), BooleanClause.Occur.SHOULD);
            }
        }
        return all.build();
    }

    private static TermsEnum[][] enums(List<LeafReaderContext> leaves, List<String> fields) throws IOException {
        TermsEnum[][] enums = new TermsEnum[leaves.size()][fields.size()];
        for (int l = 0; l < leaves.size(); l++) {
            for (int f = 0; f < fields.size(); f++) {
                Terms terms = leaves.get(l).reader().terms(fields.get(f));
                enums[l][f] = terms == null ? null : terms.iterator();
            }
        }
        return enums;
    }

    private static Document document(Section s) {
        Document doc = new Document();
        doc.add(new StringField(ID, s.id(), Field.Store.YES));
        doc.add(new TextField(TITLE, s.title(), Field.Store.NO));
        doc.add(new TextField(KEYWORDS, String.join(", ", s.keywords()), Field.Store.NO));
        s.questions().forEach(q -> doc.add(new TextField(QUESTIONS, q, Field.Store.NO)));
        doc.add(new TextField(BODY, s.text(), Field.Store.NO));
        for (String text : List.of(s.title(), String.join(" ", s.keywords()), String.join(" ", s.questions()), s.text())) {
            doc.add(new TextField(SPELL, text, Field.Store.NO));
        }
        return doc;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new SearchException("cannot close the in-memory index", e);
        }
    }
}
