module github.com/rwcarlsen/goexif

go 1.12
