// Package index owns the store: an index folder of published generations
// (store.go), optionally split in shards (shards.go: Writer), each written by
// one shard writer at a time (shard.go) with the manifest of indexed files
// (read once into a set by a long run: fileset.go);
// the field table every other part reads (schema.go: Schema, Prefixes), the
// bleve mapping built from it (mapping.go), the per-language analyzers
// (analysis.go, analyzer.go; Korean particles in korean.go; the words of
// bleve's unicode tokenizer found by uax.go, from tables uaxgen.go makes),
// numbers and dates as trie terms and the term ranges that find them
// (trie.go), the stored document and its codec (document.go, codec.go), the
// records of a text's other paths (copies.go), and a Reader over
// the last published generation (reader.go; a field's term dictionary in
// terms.go).
//
// It knows nothing of extraction or parsing: a Document arrives with its
// entities' canonical keys and its line spans set (see package ingest), and
// searching is the search package's work.
package index
