module github.com/gen2brain/heic

go 1.23

require (
	github.com/ebitengine/purego v0.8.3
	github.com/tetratelabs/wazero v1.9.0
)
