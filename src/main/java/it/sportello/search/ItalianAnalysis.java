package it.sportello.search;

import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.ItalianStemmer;

/**
 * The analysis chain for Italian as citizens write it, shared by indexing and querying:
 * <pre>
 * StandardTokenizer → elision (dell', all', l') → lower case → accents folded (perché = perche, è = e)
 *   → synonyms to one token (medico di base = MMG) → Italian stop words → Snowball Italian stemmer
 * </pre>
 * The synonyms sit before the stop filter so that phrases keep their prepositions ("medico di base"),
 * and are read with the same first steps as the text so that their spelling does not matter. Snowball
 * is preferred to the light stemmer because it merges vaccino and vaccinazioni.
 */
public final class ItalianAnalysis {

    /** Lucene's ItalianAnalyzer articles, the apostrophe forms citizens write. */
    private static final CharArraySet ELISIONS = new CharArraySet(Arrays.asList(
            "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl",
            "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell", "po", "cos", "dov", "com", "qual"), true);

    private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

    private final Analyzer surface;
    private final Analyzer full;
    private final Set<String> vocabulary;
    private final CharArraySet stopWords;

    private ItalianAnalysis(CharArraySet stopWords, SynonymMap synonyms, Set<String> vocabulary) {
        this.stopWords = stopWords;
        this.vocabulary = Set.copyOf(vocabulary);
        this.surface = new SurfaceAnalyzer();
        this.full = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = surfaceFilters(source);
                if (synonyms != null) {
                    ts = new FlattenGraphFilter(new SynonymGraphFilter(ts, synonyms, true));
                }
                ts = new StopFilter(ts, stopWords);
                ts = new SnowballFilter(ts, new ItalianStemmer());
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Reads {@code stopwords.txt} and {@code synonyms.txt} from {@code dir} (config/analysis). */
    public static ItalianAnalysis load(Path dir) {
        try {
            return create(Files.readString(dir.resolve("stopwords.txt"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("synonyms.txt"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read the analysis files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Builds the chain from the texts of the two files (tests use this with small lists). */
    public static ItalianAnalysis create(String extraStopWords, String synonymRules) {
        try (Analyzer surface = new SurfaceAnalyzer()) {
            CharArraySet stop = new CharArraySet(256, true);
            for (Object w : ItalianAnalyzer.getDefaultStopSet()) {
                stop.addAll(tokens(surface, new String((char[]) w)));
            }
            extraStopWords.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> stop.addAll(tokens(surface, l)));
            Set<String> vocabulary = new HashSet<>();
            SynonymMap synonyms = null;
            if (!synonymRules.isBlank()) {
                SolrSynonymParser parser = new SolrSynonymParser(true, false, surface);
                parser.parse(new StringReader(synonymRules));
                synonyms = parser.build();
                synonymRules.lines().filter(l -> !l.strip().startsWith("#"))
                        .forEach(l -> vocabulary.addAll(tokens(surface, l)));
            }
            return new ItalianAnalysis(CharArraySet.unmodifiableSet(stop), synonyms, vocabulary);
        } catch (IOException | ParseException e) {
            throw new ConfigException("invalid synonyms: " + e.getMessage(), e);
        }
    }

    /** The whole chain, for indexing and querying. */
    public Analyzer analyzer() {
        return full;
    }

    /** Only tokenizing, elisions, case and accents: the citizen's words as written, for spelling. */
    public Analyzer surfaceAnalyzer() {
        return surface;
    }

    /** Words the synonym rules know (mmg, ts, crs...): never "corrected" as typos. */
    public boolean inVocabulary(String surfaceWord) {
        return vocabulary.contains(surfaceWord);
    }

    public boolean isStopWord(String surfaceWord) {
        return stopWords.contains(surfaceWord);
    }

    /** The terms the whole chain makes of a text. */
    public List<String> terms(String text) {
        return tokens(full, text);
    }

    /** The surface words of a text. */
    public List<String> words(String text) {
        return tokens(surface, text);
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("analysis of an in-memory string failed", e);
        }
        return out;
    }

    private static TokenStream surfaceFilters(Tokenizer source) {
        TokenStream words = new TypeTokenFilter(source, Set.of(EMOJI)); // emoji carry no topic
        return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(words, ELISIONS)));
    }

    /** Tokenizer, elisions, case and accents. */
    private static final class SurfaceAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, surfaceFilters(source));
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return reader;
        }
    }
}
