package extract

// Default returns every extractor partynews runs.
func Default() []Extractor {
	return nil
}
