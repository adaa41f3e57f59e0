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
	// The frequencies of the distinct terms share one block, and so do
	// their locations: a handful of allocations per field instead of two
	// or more per distinct term (partynews patch 3).
	freqs := make([]index.TokenFreq, 0, len(tokens))
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
				freqs = append(freqs, index.TokenFreq{Term: token.Term})
				curr = &freqs[len(freqs)-1]
				rv[string(token.Term)] = curr
			}
			// the frequency counts the locations until they are placed
			curr.SetFrequency(curr.Frequency() + 1)
			owner[i] = curr
		}
		locs := make([]*index.TokenLocation, len(tokens))
		off := 0
		for j := range freqs {
			n := freqs[j].Frequency()
			freqs[j].Locations = locs[off : off : off+n]
			off += n
			if !countFreq {
				freqs[j].SetFrequency(0)
			}
		}
		for i, f := range owner {
			f.Locations = append(f.Locations, &tls[i])
		}
	} else {
		for _, token := range tokens {
			curr, exists := rv[string(token.Term)]
			if !exists {
				freqs = append(freqs, index.TokenFreq{Term: token.Term})
				curr = &freqs[len(freqs)-1]
				rv[string(token.Term)] = curr
			}

			if countFreq {
				curr.SetFrequency(curr.Frequency() + 1)
			}
		}
	}

	return rv
}
