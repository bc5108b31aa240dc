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
        Map<String, Section> byId = new java.util.HashMap<>();
        sections.forEach(s -> byId.put(s.id(), s));
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            byDoc[doc] = byId.get(searcher.storedFields().document(doc).get(ID));
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

    /** The best {@code max} sections for a question, with the confidence of the first. */
    public SearchResult search(String question, int max) {
        try {
            String corrected = correct(question);
            List<String> queryTerms = List.copyOf(new LinkedHashSet<>(analysis.terms(corrected)));
            if (queryTerms.isEmpty() || byDoc.length == 0) {
                return SearchResult.empty(corrected);
            }
            Set<String> byCorrection = new HashSet<>(queryTerms);
            if (!corrected.equals(String.join(" ", analysis.words(question)))) {
                byCorrection.removeAll(analysis.terms(question));
            } else {
                byCorrection.clear();
            }
            TopDocs top = searcher.search(query(queryTerms), max);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(new Hit(byDoc[sd.doc], sd.score));
            }
            double conf = hits.isEmpty() ? 0 : confidence(queryTerms, byCorrection, top.scoreDocs[0].doc);
            return new SearchResult(hits, conf, corrected);
        } catch (IOException e) {
            throw new SearchException("search failed on the in-memory index", e);
        }
    }

    /** Replaces words no section contains by the closest one that some section does (vacino → vaccino). */
    String correct(String question) throws IOException {
        List<String> words = analysis.words(question);
        StringBuilder out = new StringBuilder(question.length());
        for (String w : words) {
            out.append(out.length() == 0 ? "" : " ").append(correctWord(w));
        }
        return out.toString();
    }

    private String correctWord(String w) throws IOException {
        if (w.length() < MIN_CORRECTABLE || !w.chars().allMatch(Character::isLetter) || analysis.isStopWord(w)
                || analysis.inVocabulary(w) || reader.docFreq(new Term(SPELL, new BytesRef(w))) > 0) {
            return w;
        }
        String cached = corrections.get(w);
        if (cached != null) {
            return cached;
        }
        SuggestWord[] suggestions = speller.suggestSimilar(new Term(SPELL, w), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        String corrected = suggestions.length == 0 ? w : suggestions[0].string;
        corrections.put(w, corrected);
        return corrected;
    }

    /**
     * The confidence of one document for the query, read from the index's postings: one terms enumeration
     * per field and segment, reused for every query term (each new enumeration costs more than a seek).
     */
    private double confidence(List<String> queryTerms, Set<String> byCorrection, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        int homeIndex = ReaderUtil.subIndex(doc, leaves);
        List<String> fields = List.copyOf(BOOSTS.keySet());
        TermsEnum[][] enums = new TermsEnum[leaves.size()][fields.size()];
        for (int l = 0; l < leaves.size(); l++) {
            for (int f = 0; f < fields.size(); f++) {
                Terms terms = leaves.get(l).reader().terms(fields.get(f));
                enums[l][f] = terms == null ? null : terms.iterator();
            }
        }
        int local = doc - leaves.get(homeIndex).docBase;
        List<Confidence.TermEvidence> evidence = new ArrayList<>(queryTerms.size());
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
                    if (l == homeIndex && postings(te, local)) {
                        String field = fields.get(f);
                        strong |= STRONG.contains(field);
                        body |= BODY.equals(field);
                    }
                }
                df = Math.max(df, fieldDf);
            }
            evidence.add(new Confidence.TermEvidence(df, strong, body && !strong, byCorrection.contains(t)));
        }
        return Confidence.of(evidence, reader.numDocs());
    }

    /** Whether the term the enumeration stands on occurs in {@code doc}. */
    private static boolean postings(TermsEnum te, int doc) throws IOException {
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        return postings.advance(doc) == doc;
    }

    private static Query query(List<String> queryTerms) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String t : queryTerms) {
            List<Query> perField = new ArrayList<>(BOOSTS.size());
            BOOSTS.forEach((field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, t)), boost)));
            all.add(new DisjunctionMaxQuery(perField, 0.1f), BooleanClause.Occur.SHOULD);
        }
        return all.build();
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
