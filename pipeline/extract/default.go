package extract

// Default returns every extractor partynews runs, in the order they must run.
func Default() []Extractor {
	return []Extractor{Documents{}, Dates{}, Figures{}, People{}}
}
