package it.sportello.search;

import it.sportello.kb.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
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
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The in-memory Lucene index of one tenant's sections, built at start-up. Title, keywords, example
 * questions and body are separate fields weighted separately; a question's terms are matched across
 * them (best field per term) and summed. Ties are broken by section id, so results are deterministic.
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
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
    private static final int MIN_CORRECTABLE = 4;

    private final ItalianAnalysis analysis;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, Section> sections;
    private final Map<String, Confidence.SectionTerms> terms;
    private final Confidence confidence;
    private final DirectSpellChecker speller = new DirectSpellChecker();

    private SectionIndex(ItalianAnalysis analysis, ByteBuffersDirectory directory, Map<String, Section> sections,
                         Map<String, Confidence.SectionTerms> terms) throws IOException {
        this.analysis = analysis;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.sections = Map.copyOf(sections);
        this.terms = Map.copyOf(terms);
        Map<String, Integer> df = new HashMap<>();
        terms.values().forEach(st -> {
            Set<String> all = new HashSet<>(st.strong());
            all.addAll(st.body());
            all.forEach(t -> df.merge(t, 1, Integer::sum));
        });
        this.confidence = new Confidence(df, Math.max(1, sections.size()));
        speller.setAccuracy(0.7f);
        speller.setMinQueryLength(MIN_CORRECTABLE);
        speller.setLowerCaseTerms(false);
    }

    /** Builds the index of {@code sections} (ids must be unique; a repeated id replaces the earlier one). */
    public static SectionIndex build(List<Section> sections, ItalianAnalysis analysis) {
        Analyzer perField = new PerFieldAnalyzerWrapper(analysis.analyzer(), Map.of(SPELL, analysis.surfaceAnalyzer()));
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Map<String, Section> byId = new HashMap<>();
        Map<String, Confidence.SectionTerms> terms = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(perField).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (Section s : sections) {
                writer.updateDocument(new Term(ID, s.id()), document(s));
                byId.put(s.id(), s);
                terms.put(s.id(), sectionTerms(s, analysis));
            }
            writer.commit();
            return new SectionIndex(analysis, dir, byId, terms);
        } catch (IOException e) {
            throw new SearchException("cannot build the in-memory index", e);
        }
    }

    public int size() {
        return sections.size();
    }

    /** The best {@code max} sections for a question, with the confidence of the first. */
    public SearchResult search(String question, int max) {
        try {
            String corrected = correct(question);
            List<String> queryTerms = List.copyOf(new LinkedHashSet<>(analysis.terms(corrected)));
            Set<String> byCorrection = new HashSet<>(queryTerms);
            byCorrection.removeAll(analysis.terms(question));
            if (queryTerms.isEmpty() || sections.isEmpty()) {
                return SearchResult.empty(corrected);
            }
            TopFieldDocs top = searcher.search(query(queryTerms), max, BY_SCORE_THEN_ID, true);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                String id = searcher.storedFields().document(sd.doc).get(ID);
                hits.add(new Hit(sections.get(id), sd.score));
            }
            double conf = hits.isEmpty() ? 0 : confidence.of(queryTerms, byCorrection, terms.get(hits.get(0).section().id()));
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
        SuggestWord[] suggestions = speller.suggestSimilar(new Term(SPELL, w), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length == 0 ? w : suggestions[0].string;
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
        doc.add(new SortedDocValuesField(ID, new BytesRef(s.id())));
        doc.add(new TextField(TITLE, s.title(), Field.Store.NO));
        doc.add(new TextField(KEYWORDS, String.join(", ", s.keywords()), Field.Store.NO));
        s.questions().forEach(q -> doc.add(new TextField(QUESTIONS, q, Field.Store.NO)));
        doc.add(new TextField(BODY, s.text(), Field.Store.NO));
        for (String text : List.of(s.title(), String.join(" ", s.keywords()), String.join(" ", s.questions()), s.text())) {
            doc.add(new TextField(SPELL, text, Field.Store.NO));
        }
        return doc;
    }

    private static Confidence.SectionTerms sectionTerms(Section s, ItalianAnalysis analysis) {
        Set<String> strong = new HashSet<>(analysis.terms(s.title()));
        s.keywords().forEach(k -> strong.addAll(analysis.terms(k)));
        s.questions().forEach(q -> strong.addAll(analysis.terms(q)));
        return new Confidence.SectionTerms(strong, new HashSet<>(analysis.terms(s.text())));
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
