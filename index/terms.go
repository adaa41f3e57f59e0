package index

// TermCounts returns every term of field with the number of documents that
// hold it, summed over the shards. The counts come from the term dictionary:
// a document deleted but not yet merged away may still be counted.
func (r *Reader) TermCounts(field string) (map[string]uint64, error) {
	out := map[string]uint64{}
	for _, s := range r.shards {
		dict, err := s.idx.FieldDict(field)
		if err != nil {
			return nil, err
		}
		for {
			e, err := dict.Next()
			if err != nil {
				dict.Close()
				return nil, err
			}
			if e == nil {
				break
			}
			out[e.Term] += e.Count
		}
		if err := dict.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
