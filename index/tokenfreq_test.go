package index

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// upstreamTokenFrequency is bleve v2.6.1's analysis.TokenFrequency, before
// third_party/bleve's patch 3 put the frequencies and locations of a field in
// blocks: the reference the patched one must agree with.
func upstreamTokenFrequency(tokens analysis.TokenStream, arrayPositions []uint64, options index.FieldIndexingOptions) index.TokenFrequencies {
	rv := make(map[string]*index.TokenFreq, len(tokens))
	if options.IncludeTermVectors() {
		tls := make([]index.TokenLocation, len(tokens))
		for i, token := range tokens {
			tls[i] = index.TokenLocation{ArrayPositions: arrayPositions, Start: token.Start, End: token.End, Position: token.Position}
			curr, ok := rv[string(token.Term)]
			if ok {
				curr.Locations = append(curr.Locations, &tls[i])
			} else {
				curr = &index.TokenFreq{Term: token.Term, Locations: []*index.TokenLocation{&tls[i]}}
				rv[string(token.Term)] = curr
			}
			if !options.SkipFreqNorm() {
				curr.SetFrequency(curr.Frequency() + 1)
			}
		}
		return rv
	}
	for _, token := range tokens {
		curr, ok := rv[string(token.Term)]
		if !ok {
			curr = &index.TokenFreq{Term: token.Term}
			rv[string(token.Term)] = curr
		}
		if !options.SkipFreqNorm() {
			curr.SetFrequency(curr.Frequency() + 1)
		}
	}
	return rv
}

// analysedArticles are the tokens of every bench article (the corpus's, or
// uaxBenchTexts) by its language's analyzer.
func analysedArticles(tb testing.TB) []analysis.TokenStream {
	var out []analysis.TokenStream
	for _, a := range benchArticles(tb) {
		out = append(out, Analyzer(a.lang).Analyze(a.text))
	}
	return out
}

func TestTokenFrequencyMatchesUpstream(t *testing.T) {
	opts := []index.FieldIndexingOptions{
		index.IndexField | index.IncludeTermVectors,
		index.IndexField | index.IncludeTermVectors | index.SkipFreqNorm,
		index.IndexField,
		index.IndexField | index.SkipFreqNorm,
	}
	streams := append(analysedArticles(t), nil, analysis.TokenStream{{Term: []byte("x"), Start: 0, End: 1, Position: 1}})
	for _, o := range opts {
		for i, tokens := range streams {
			pos := []uint64{uint64(i)}
			got := analysis.TokenFrequency(tokens, pos, o)
			want := upstreamTokenFrequency(tokens, pos, o)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("options %v, stream %d (%d tokens): the patched TokenFrequency differs from upstream's", o, i, len(tokens))
			}
			if !o.IncludeTermVectors() {
				continue
			}
			// a term's locations may be appended to (MergeAll does) without
			// overwriting another term's
			for _, f := range got {
				f.Locations = append(f.Locations, &index.TokenLocation{Position: 1 << 30})
			}
			for _, f := range got {
				f.Locations = f.Locations[:len(f.Locations)-1]
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("options %v, stream %d: appending to one term's locations changed another's", o, i)
			}
		}
	}
}

// BenchmarkTokenFrequency turns the tokens of every article into the
// frequencies and locations bleve indexes, as bleve 2.6.1 did (upstream) and
// as third_party/bleve does (patched).
func BenchmarkTokenFrequency(b *testing.B) {
	streams := analysedArticles(b)
	opts := index.IndexField | index.IncludeTermVectors
	for _, c := range []struct {
		name string
		fn   func(analysis.TokenStream, []uint64, index.FieldIndexingOptions) index.TokenFrequencies
	}{{"upstream", upstreamTokenFrequency}, {"patched", analysis.TokenFrequency}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, s := range streams {
					c.fn(s, nil, opts)
				}
			}
		})
	}
}
