package corsa_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/corsa-go/corsa"
)

// Watch keeps a Middleware in step with a policy file: a valid change is
// served, an invalid one is reported and the previous policy stays.
func ExampleMiddleware_Watch() {
	dir, err := os.MkdirTemp("", "corsa-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "policy.json")
	write := func(policy string) {
		// Write and rename, so that Watch never reads a half-written file.
		if err := os.WriteFile(path+".tmp", []byte(policy), 0o644); err != nil {
			panic(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			panic(err)
		}
	}
	write(`{"origins": ["https://a.example"]}`)

	cfg, err := corsa.LoadConfig(path)
	if err != nil {
		panic(err)
	}
	m, err := corsa.NewMiddleware(cfg)
	if err != nil {
		panic(err)
	}
	reloads := make(chan error)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go m.Watch(ctx, path, corsa.WatchOptions{
		Interval: 10 * time.Millisecond,
		OnReload: func(err error) { reloads <- err },
	})
	allows := func(origin string) bool {
		d := corsa.Decide(m, &corsa.Request{Method: "GET", Origin: origin})
		return d.Reason() == corsa.Allowed
	}

	fmt.Println("start:", <-reloads, allows("https://a.example"))
	write(`{"origins": ["https://b.example"]}`)
	fmt.Println("changed:", <-reloads, allows("https://b.example"))
	write(`{"origins": ["https://c.example/"]}`)
	fmt.Println("refused:", <-reloads != nil, allows("https://b.example"))
	// Output:
	// start: <nil> true
	// changed: <nil> true
	// refused: true true
}
