package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// fencedBlocks returns the code blocks of a Markdown file whose fence
// names lang, in order.
func fencedBlocks(doc, lang string) []string {
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(doc, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case !in && t == "```"+lang:
			in, cur = true, nil
		case in && t == "```":
			in = false
			blocks = append(blocks, strings.Join(cur, "\n"))
		case in:
			cur = append(cur, line)
		}
	}
	return blocks
}

// TestScaleDoc checks docs/scale.md for syntax only: its YAML parses and
// is an Indexed Job whose completions is the N of --shard; the Slurm
// script passes bash -n and its array is 0 to N-1; every casebundle
// command in its code blocks uses flags that command has. Nothing here
// runs Kubernetes or Slurm.
func TestScaleDoc(t *testing.T) {
	data, err := os.ReadFile("../../docs/scale.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)

	jobs, pods, pvcs := 0, 0, 0
	for _, block := range fencedBlocks(doc, "yaml") {
		dec := yaml.NewDecoder(strings.NewReader(block))
		for {
			var obj struct {
				APIVersion string         `yaml:"apiVersion"`
				Kind       string         `yaml:"kind"`
				Metadata   map[string]any `yaml:"metadata"`
				Spec       yaml.Node      `yaml:"spec"`
			}
			err := dec.Decode(&obj)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("docs/scale.md: YAML does not parse: %v\n%s", err, block)
			}
			if obj.Metadata["name"] == nil {
				t.Errorf("a %s without metadata.name", obj.Kind)
			}
			switch obj.Kind {
			case "Job":
				jobs++
				var spec struct {
					CompletionMode string `yaml:"completionMode"`
					Completions    int    `yaml:"completions"`
					Parallelism    int    `yaml:"parallelism"`
					Template       struct {
						Spec struct {
							RestartPolicy string `yaml:"restartPolicy"`
							Containers    []struct {
								Image string   `yaml:"image"`
								Args  []string `yaml:"args"`
							} `yaml:"containers"`
						} `yaml:"spec"`
					} `yaml:"template"`
				}
				if err := obj.Spec.Decode(&spec); err != nil {
					t.Fatalf("the Job's spec: %v", err)
				}
				if obj.APIVersion != "batch/v1" || spec.CompletionMode != "Indexed" || spec.Completions < 1 || spec.Parallelism < 1 ||
					spec.Template.Spec.RestartPolicy != "Never" || len(spec.Template.Spec.Containers) != 1 {
					t.Errorf("not an Indexed Job of batch/v1 with completions, parallelism and restartPolicy Never: %+v", spec)
					continue
				}
				args := strings.Join(spec.Template.Spec.Containers[0].Args, " ")
				want := `--shard "$JOB_COMPLETION_INDEX/` + strconv.Itoa(spec.Completions) + `"`
				if !strings.Contains(args, want) || !strings.Contains(args, "--batch /cases -o /out") {
					t.Errorf("the Job's command does not build --batch /cases -o /out with %s: %s", want, args)
				}
			case "Pod":
				pods++
			case "PersistentVolumeClaim":
				pvcs++
				if !strings.Contains(block, "ReadWriteMany") {
					t.Error("the shared volume is not ReadWriteMany")
				}
			default:
				t.Errorf("unexpected kind %q", obj.Kind)
			}
		}
	}
	if jobs != 1 || pods != 1 || pvcs != 1 {
		t.Errorf("%d Jobs, %d Pods, %d PersistentVolumeClaims; want one of each", jobs, pods, pvcs)
	}

	var slurm string
	for _, b := range fencedBlocks(doc, "sh") {
		if strings.Contains(b, "#SBATCH --array") {
			slurm = b
		}
	}
	if slurm == "" {
		t.Fatal("no Slurm script (#SBATCH --array) in docs/scale.md")
	}
	m := regexp.MustCompile(`#SBATCH --array=0-([0-9]+)`).FindStringSubmatch(slurm)
	n := regexp.MustCompile(`(?m)^N=([0-9]+)$`).FindStringSubmatch(slurm)
	if m == nil || n == nil {
		t.Fatalf("the Slurm script has no --array=0-X or no N=: %s", slurm)
	}
	if last, _ := strconv.Atoi(m[1]); strconv.Itoa(last+1) != n[1] {
		t.Errorf("--array=0-%s does not give N=%s tasks", m[1], n[1])
	}
	if !strings.Contains(slurm, `--shard "$SLURM_ARRAY_TASK_ID/$N"`) {
		t.Error("the Slurm script does not pass --shard $SLURM_ARRAY_TASK_ID/$N")
	}
	if bash, err := exec.LookPath("bash"); err != nil {
		t.Log("bash is not installed: the Slurm script's syntax is not checked")
	} else {
		f := filepath.Join(t.TempDir(), "casebundle.sbatch")
		if err := os.WriteFile(f, []byte(slurm), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bash, "-n", f).CombinedOutput(); err != nil {
			t.Errorf("bash -n on the Slurm script: %v\n%s", err, out)
		}
	}

	// Every casebundle command of the code blocks uses flags it has.
	app := newApp(io.Discard, io.Discard)
	var code bytes.Buffer
	for _, lang := range []string{"sh", "yaml"} {
		for _, b := range fencedBlocks(doc, lang) {
			code.WriteString(strings.ReplaceAll(b, "\\\n", " ") + "\n")
		}
	}
	cmdRe := regexp.MustCompile(`casebundle ([a-z]+)((?: [^;|>#\n]*)?)`)
	checked := 0
	for _, line := range strings.Split(code.String(), "\n") {
		for _, mm := range cmdRe.FindAllStringSubmatch(line, -1) {
			cmd := app.Command(mm[1])
			if cmd == nil {
				continue // "casebundle-batch" and such are names, not commands
			}
			known := map[string]bool{"help": true, "h": true}
			for _, f := range cmd.Flags {
				for _, name := range f.Names() {
					known[name] = true
				}
			}
			for _, tok := range strings.Fields(mm[2]) {
				if !strings.HasPrefix(tok, "-") || tok == "-" {
					continue
				}
				name, _, _ := strings.Cut(strings.TrimLeft(tok, "-"), "=")
				if !known[name] {
					t.Errorf("docs/scale.md: casebundle %s has no flag %s: %s", mm[1], tok, strings.TrimSpace(line))
				}
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d casebundle commands found in docs/scale.md", checked)
	}
}
