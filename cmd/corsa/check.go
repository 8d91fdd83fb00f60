package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/corsa-go/corsa"
)

// check validates each policy file: every problem at once, each with its
// line and column (corsa.ParseConfig), and the warnings of a valid one.
func check(files []string, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		fmt.Fprint(stderr, "corsa check: no policy file given\n"+usage)
		return 2
	}
	status := 0
	for _, f := range files {
		var problems []error
		var warnings []string
		// Not LoadConfig: each line already names the file.
		data, err := os.ReadFile(f)
		var c corsa.Config
		if err == nil {
			c, err = corsa.ParseConfig(data)
		}
		if err != nil {
			problems = splitJoined(err)
		} else if p, err := corsa.New(c); err != nil {
			problems = splitJoined(err)
		} else {
			warnings = p.Warnings()
		}
		for _, e := range problems {
			fmt.Fprintf(stdout, "%s: error: %v\n", f, e)
		}
		for _, w := range warnings {
			fmt.Fprintf(stdout, "%s: warning: %s\n", f, w)
		}
		switch {
		case len(problems) > 0:
			status = 1
			fmt.Fprintf(stdout, "%s: %s\n", f, count(len(problems), "problem"))
		case len(warnings) > 0:
			fmt.Fprintf(stdout, "%s: ok (%s)\n", f, count(len(warnings), "warning"))
		default:
			fmt.Fprintf(stdout, "%s: ok\n", f)
		}
	}
	return status
}

// count says "1 warning", "2 warnings".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// splitJoined undoes errors.Join, so that each problem gets its own line.
func splitJoined(err error) []error {
	if err == nil {
		return nil
	}
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		return joined.Unwrap()
	}
	return []error{err}
}
