package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

var (
	analyzersMu sync.Mutex
	analyzers   = map[string]analysis.Analyzer{}
	cache       = registry.NewCache()
)

// Analyzer returns the analyzer of lang's fields, the one used at index and query
// time.
func Analyzer(lang string) analysis.Analyzer {
	name := AnalyzerName(lang)
	analyzersMu.Lock()
	defer analyzersMu.Unlock()
	a, ok := analyzers[name]
	if !ok {
		var err error
		if a, err = cache.AnalyzerNamed(name); err != nil {
			panic(err) // every name AnalyzerName returns is registered in init
		}
		analyzers[name] = a
	}
	return a
}
