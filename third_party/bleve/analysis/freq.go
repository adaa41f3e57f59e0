//  Copyright (c) 2014 Couchbase, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// 		http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package analysis

import (
	index "github.com/blevesearch/bleve_index_api"
)

func TokenFrequency(tokens TokenStream, arrayPositions []uint64, options index.FieldIndexingOptions) index.TokenFrequencies {
	rv := make(map[string]*index.TokenFreq, len(tokens))
	// The frequencies of the distinct terms come from blocks of up to 64,
	// and the locations of a field from one block: a handful of allocations
	// per field instead of two or more per distinct term (partynews patch 3).
	var block []index.TokenFreq
	newFreq := func(term []byte) *index.TokenFreq {
		if len(block) == cap(block) {
			block = make([]index.TokenFreq, 0, min(64, len(tokens)))
		}
		block = append(block, index.TokenFreq{Term: term})
		return &block[len(block)-1]
	}
	countFreq := !options.SkipFreqNorm()

	if options.IncludeTermVectors() {
		tls := make([]index.TokenLocation, len(tokens))
		owner := make([]*index.TokenFreq, len(tokens)) // each token's term
		for i, token := range tokens {
			tls[i] = index.TokenLocation{
				ArrayPositions: arrayPositions,
				Start:          token.Start,
				End:            token.End,
				Position:       token.Position,
			}
			curr, ok := rv[string(token.Term)]
			if !ok {
				curr = newFreq(token.Term)
				rv[string(token.Term)] = curr
			}
			// the frequency counts the locations until they are placed
			curr.SetFrequency(curr.Frequency() + 1)
			owner[i] = curr
		}
		// each term's locations get a window of one block, its capacity
		// limited so that an append (MergeAll) reallocates instead of
		// overwriting the next term's
		locs := make([]*index.TokenLocation, len(tokens))
		off := 0
		for i, f := range owner {
			if f.Locations == nil {
				n := f.Frequency()
				f.Locations = locs[off : off : off+n]
				off += n
				if !countFreq {
					f.SetFrequency(0)
				}
			}
			f.Locations = append(f.Locations, &tls[i])
		}
	} else {
		for _, token := range tokens {
			curr, exists := rv[string(token.Term)]
			if !exists {
				curr = newFreq(token.Term)
				rv[string(token.Term)] = curr
			}

			if countFreq {
				curr.SetFrequency(curr.Frequency() + 1)
			}
		}
	}

	return rv
}
