# chainlint's container image: built in a Go image, shipped in a minimal
# one holding the binary alone, run as a non-root user in /src.
#
#   docker build -t chainlint --build-arg VERSION=1.2.3 .
#   docker run --rm -v "$PWD:/src" chainlint            # lint the current directory
#   docker run --rm -v "$PWD:/src" chainlint --format sarif infra/ > chainlint.sarif
#
# cmd/chainlint's TestDockerfile checks this structure (no Docker engine
# runs where the tests run).

FROM golang:1.26.8-bookworm AS build
ARG VERSION=0.0.0-dev
WORKDIR /build
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/chainlint ./cmd/chainlint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/chainlint /usr/local/bin/chainlint
USER nonroot:nonroot
WORKDIR /src
ENTRYPOINT ["chainlint"]
