// Command pnbench is partynews's benchmark: it generates a corpus from real
// articles (the embedded sample, and ../shared/corpus when present), measures each
// stage alone and the whole pipeline, and prints one table. `make bench` runs it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/internal/gcpolicy"
	"github.com/partynews/partynews/internal/gencorpus"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/detect"
	"github.com/partynews/partynews/pipeline/extract"
	"github.com/partynews/partynews/search"
)

func main() {
	n := flag.Int("n", 20000, "articles to generate")
	shared := flag.String("shared", "../shared/corpus", "real articles to generate from (skipped when absent)")
	work := flag.String("work", ".bench", "work folder (corpus and indexes)")
	bin := flag.String("bin", "bin/partynews", "the partynews binary")
	flag.BoolVar(&opt.stages, "stages", true, "measure each stage alone (as long again as the full run)")
	flag.BoolVar(&opt.others, "others", true, "run Xapian's omindex and ripgrep on the same files when installed")
	flag.IntVar(&opt.shards, "shards", 2, "also index into this many shards and search them (0: skip)")
	flag.Parse()
	if err := run(*n, *shared, *work, *bin); err != nil {
		fmt.Fprintln(os.Stderr, "pnbench:", err)
		os.Exit(1)
	}
}

type row struct{ name, value, note string }

var opt struct {
	stages, others bool
	shards         int
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func run(n int, shared, work, bin string) error {
	gcpolicy.Indexing() // bleve alone runs under the collector settings of partynews index
	det, err := detect.New()
	if err != nil {
		return err
	}
	src := gencorpus.NewSource()
	for _, name := range sample.Names() {
		b, _ := fs.ReadFile(sample.FS(), name)
		a, _ := corpus.ParseBytes(name, b)
		src.Add(det.Detect(a.Content()).Lang, string(b))
	}
	if _, err := os.Stat(filepath.Join(shared, "dev")); err == nil {
		if err := src.AddFS(os.DirFS(filepath.Join(shared, "dev")), ""); err != nil {
			return err
		}
	}
	dir := filepath.Join(work, fmt.Sprintf("corpus-%d", n))
	var textBytes int64
	if _, err := os.Stat(filepath.Join(dir, "done")); err != nil {
		os.RemoveAll(dir)
		if textBytes, err = src.Write(dir, n, 1); err != nil {
			return err
		}
		os.WriteFile(filepath.Join(dir, "done"), []byte(fmt.Sprint(textBytes)), 0o644)
	} else {
		b, _ := os.ReadFile(filepath.Join(dir, "done"))
		fmt.Sscan(string(b), &textBytes)
	}
	mb := float64(textBytes) / 1e6
	fmt.Fprintf(os.Stderr, "corpus: %d articles, %.1f MB, %d languages, in %s\n", n, mb, len(src.Languages()), dir)
	var rows []row

	// Each stage alone, in this process, in chunks so memory stays bounded.
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	rawRate := 0.0
	if opt.stages {
		stageIdx := filepath.Join(work, "stage-index")
		os.RemoveAll(stageIdx)
		w, err := index.OpenWriter(stageIdx, index.WriterOptions{CheckpointEvery: -1})
		if err != nil {
			return err
		}
		proc := &pipeline.Processor{Detector: det, Extractors: extract.Default()}
		var tRead, tDetect, tExtract, tWrite time.Duration
		var cRead, cDetect, cExtract, cWrite time.Duration
		for lo := 0; lo < len(files); lo += 2000 {
			chunk := files[lo:min(lo+2000, len(files))]
			var arts []*corpus.Article
			t0, c0 := time.Now(), cpuTime()
			for _, f := range chunk {
				a, err := corpus.Read(f, 0)
				if err == nil {
					arts = append(arts, a)
				}
			}
			tRead, cRead = tRead+time.Since(t0), cRead+cpuTime()-c0
			langs := make([]detect.Result, len(arts))
			t0, c0 = time.Now(), cpuTime()
			for i, a := range arts {
				langs[i] = det.Detect(a.Content())
			}
			tDetect, cDetect = tDetect+time.Since(t0), cDetect+cpuTime()-c0
			docs := make([]index.Document, len(arts))
			t0, c0 = time.Now(), cpuTime()
			for i, a := range arts {
				docs[i] = ingest.Document(proc.ProcessAs(a, langs[i]))
			}
			tExtract, cExtract = tExtract+time.Since(t0), cExtract+cpuTime()-c0
			t0, c0 = time.Now(), cpuTime()
			for i, d := range docs {
				if _, err := w.Put(arts[i].Path, d, 1, time.Unix(0, 0)); err != nil {
					return err
				}
			}
			if err := w.Flush(); err != nil {
				return err
			}
			tWrite, cWrite = tWrite+time.Since(t0), cWrite+cpuTime()-c0
		}
		t0, c0 := time.Now(), cpuTime()
		if err := w.Close(); err != nil {
			return err
		}
		tWrite, cWrite = tWrite+time.Since(t0), cWrite+cpuTime()-c0
		allCPU := cRead + cDetect + cExtract + cWrite
		stage := func(name string, d, c time.Duration) {
			rows = append(rows, row{name, fmt.Sprintf("%.1f MB/s", mb/d.Seconds()), fmt.Sprintf("%.0f%% of CPU", 100*c.Seconds()/allCPU.Seconds())})
		}
		stage("read+parse alone", tRead, cRead)
		stage("detect alone", tDetect, cDetect)
		stage("extract alone", tExtract, cExtract)
		stage("bleve write alone (same mapping)", tWrite, cWrite)
		rawRate = float64(len(files)) / tWrite.Seconds()
		rows = append(rows, row{"bleve write alone", fmt.Sprintf("%.0f docs/s", rawRate), "the limit the pipeline chases"})
	}

	// The whole pipeline, as a user runs it.
	full := filepath.Join(work, "index")
	os.RemoveAll(full)
	sum, wall, rss, anon, err := indexRun(bin, full, dir)
	if err != nil {
		return err
	}
	rate := float64(sum.Indexed+sum.Duplicate) / wall.Seconds()
	rows = append(rows,
		row{"full pipeline", fmt.Sprintf("%.0f docs/s, %.1f MB/s", rate, mb/wall.Seconds()), ratio(rate, rawRate)},
		row{"peak RSS (full pipeline)", fmt.Sprintf("%d MiB", rss>>20), fmt.Sprintf("anonymous memory at most %d MiB; the rest is mapped index files", anon>>20)})
	size := dirSize(full)
	rows = append(rows, row{"index size ÷ text size", fmt.Sprintf("%.2f", float64(size)/float64(textBytes)), fmt.Sprintf("%.0f MB for %.0f MB", float64(size)/1e6, mb)})
	_, noop, _, _, err := indexRun(bin, full, dir)
	if err != nil {
		return err
	}
	rows = append(rows, row{"no-op re-run", fmt.Sprintf("%.2f s", noop.Seconds()), fmt.Sprintf("%.1f%% of the full run", 100*noop.Seconds()/wall.Seconds())})

	// Search latency in process, on a warm reader, and as a whole process.
	r, err := search.Open(full)
	if err != nil {
		return err
	}
	facets := []string{"lang", "person", "document"}
	t0 := time.Now()
	r.WarmFacets(facets...)
	warm := time.Since(t0)
	var lat []time.Duration
	queries := []string{"सम्मेलन", `"हो ची मिन्ह"`, "document:18-NQ/TW", "date:>=2024-01-01 कांग्रेस", "كانفرنس lang:ur", "congress"}
	for i := 0; i < 300; i++ {
		q, _ := search.ParseQuery(queries[i%len(queries)])
		t := time.Now()
		if _, err := r.Search(context.Background(), q, search.SearchOptions{Limit: 10, Facets: facets}); err != nil {
			return err
		}
		lat = append(lat, time.Since(t))
	}
	r.Close()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	rows = append(rows, row{"search in process (top 10, snippets, 3 facets)", fmt.Sprintf("p50 %.1f ms, p95 %.1f ms", ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100])),
		fmt.Sprintf("facets warmed in %.0f ms", ms(warm))})
	rows = append(rows, row{"search, whole process (start to hits)", fmt.Sprintf("median %.0f ms", ms(processSearch(bin, full))), "partynews search document:18-NQ/TW"})
	if opt.shards > 1 {
		sharded := filepath.Join(work, "index-sharded")
		os.RemoveAll(sharded)
		sum, wall, _, _, err := indexRun(bin, sharded, dir, "--shards", fmt.Sprint(opt.shards))
		if err != nil {
			return err
		}
		srate := float64(sum.Indexed+sum.Duplicate) / wall.Seconds()
		rows = append(rows,
			row{fmt.Sprintf("full pipeline, --shards %d", opt.shards), fmt.Sprintf("%.0f docs/s", srate), fmt.Sprintf("%.2f× one index", srate/rate)},
			row{fmt.Sprintf("search, whole process, %d shards", opt.shards), fmt.Sprintf("median %.0f ms", ms(processSearch(bin, sharded))), "through bleve's IndexAlias"})
	}
	if om, err := exec.LookPath("omindex"); err == nil && opt.others {
		xdb := filepath.Join(work, "xapian")
		os.RemoveAll(xdb)
		t := time.Now()
		cmd := exec.Command(om, "--db", xdb, "--url", "/", "--mime-type=txt:text/plain", dir)
		if err := cmd.Run(); err == nil {
			d := time.Since(t)
			xrate := float64(len(files)) / d.Seconds()
			rows = append(rows, row{"Xapian omindex on the same files", fmt.Sprintf("%.0f docs/s", xrate),
				fmt.Sprintf("partynews %.2f× Xapian; its index %.0f MB", rate/xrate, float64(dirSize(xdb))/1e6)})
		}
	}
	if rg, err := exec.LookPath("rg"); err == nil && opt.others {
		t := time.Now()
		exec.Command(rg, "-c", "18-NQ/TW", dir).Run()
		rows = append(rows, row{"ripgrep over the files", fmt.Sprintf("%.0f ms", ms(time.Since(t))), "rg -c 18-NQ/TW"})
	}

	fmt.Printf("\n%d generated articles, %.1f MB, %d languages; %s\n\n", n, mb, len(src.Languages()), machine())
	fmt.Printf("| %-46s | %-28s | %s\n|%s|%s|%s\n", "measure", "value", "note", strings.Repeat("-", 48), strings.Repeat("-", 30), strings.Repeat("-", 30))
	for _, r := range rows {
		fmt.Printf("| %-46s | %-28s | %s\n", r.name, r.value, r.note)
	}
	return nil
}

// processSearch returns the median wall time of ten whole search processes.
func processSearch(bin, idx string) time.Duration {
	var d []time.Duration
	for i := 0; i < 10; i++ {
		t := time.Now()
		exec.Command(bin, "search", "--index", idx, "--limit", "10", "document:18-NQ/TW").Run()
		d = append(d, time.Since(t))
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func ratio(rate, raw float64) string {
	if raw == 0 {
		return ""
	}
	return fmt.Sprintf("%.0f%% of bleve alone", 100*rate/raw)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

type summary struct {
	Indexed, Duplicate, Unchanged int
}

// indexRun runs partynews index and returns its summary, wall time, peak RSS as
// the kernel counts it (file pages that scorch maps count too) and the peak of
// its anonymous memory (RssAnon, sampled every 200 ms).
func indexRun(bin, idx, dir string, flags ...string) (summary, time.Duration, int64, int64, error) {
	cmd := exec.Command(bin, append(append([]string{"index", "--index", idx, "--json", "-q"}, flags...), dir)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	t := time.Now()
	if err := cmd.Start(); err != nil {
		return summary{}, 0, 0, 0, err
	}
	var anon int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
			if err != nil {
				return
			}
			for _, l := range strings.Split(string(b), "\n") {
				var kb int64
				if _, err := fmt.Sscanf(l, "RssAnon: %d kB", &kb); err == nil && kb<<10 > anon {
					anon = kb << 10
				}
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	err := cmd.Wait()
	wall := time.Since(t)
	<-done
	var s summary
	json.Unmarshal(out.Bytes(), &s)
	if err != nil {
		return s, wall, 0, 0, fmt.Errorf("index run: %w", err)
	}
	return s, wall, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10, anon, nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func machine() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	model := ""
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			model = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
			break
		}
	}
	return fmt.Sprintf("%s, %d CPUs", model, runtime.NumCPU())
}
