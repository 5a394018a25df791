// Command pulumi-language-nodejs is a minimal Node.js language host for the Pulumi engine.
//
// Pulumi's own Node.js host is a Go module without release tags, and the Go module proxy
// reachable from our CI serves only tagged versions, so it cannot be built here. This host
// implements the part of the LanguageRuntime protocol that `pulumi preview/up/refresh/destroy`
// use: it starts the @pulumi/pulumi SDK's `cmd/run` entry point of the project with the flags
// and environment that entry point documents (see node_modules/@pulumi/pulumi/cmd/run/index.js).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set at link time to the Pulumi release this host was built with.
var version = "3.0.0"

// exitCodeAfterLoggedError is what the SDK's run entry point exits with once it has already
// reported the error to the user: the engine should then stop without printing more.
const exitCodeAfterLoggedError = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	engineAddress := ""
	for _, arg := range os.Args[1:] {
		if !strings.HasPrefix(arg, "-") {
			engineAddress = arg // the engine passes its address as the last positional argument
		}
	}
	cancel := make(chan bool)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{engineAddress: engineAddress})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port) // the engine reads the port from the first line of stdout
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

func (h *host) Handshake(ctx context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.EngineAddress != "" {
		h.engineAddress = req.EngineAddress
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// Dynamic providers run in-process through pulumi-resource-pulumi-nodejs, so a program of ours
// needs no provider plugins; declaring none keeps the engine from trying to download any.
func (h *host) GetRequiredPlugins(ctx context.Context, _ *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(ctx context.Context, _ *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetProgramDependencies(ctx context.Context, _ *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("node was not found on PATH")
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{Executable: node, Version: strings.TrimSpace(string(out))}, nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	programDir := req.GetPwd()
	entryPoint := req.GetProgram()
	rootDir := programDir
	options := map[string]any{}
	if info := req.GetInfo(); info != nil {
		programDir = info.GetProgramDirectory()
		entryPoint = info.GetEntryPoint()
		rootDir = info.GetRootDirectory()
		if info.GetOptions() != nil {
			options = info.GetOptions().AsMap()
		}
	}
	runScript, err := findSDKRunScript(programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := nodeArgs(options)
	args = append(args, runScript,
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engineAddress,
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", programDir,
		"--root-directory", rootDir,
	)
	if req.GetOrganization() != "" {
		args = append(args, "--organization", req.GetOrganization())
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 0 {
		args = append(args, "--parallel", strconv.Itoa(int(req.GetParallel())))
	}
	if entryPoint == "" {
		entryPoint = "."
	}
	args = append(args, entryPoint)
	args = append(args, req.GetArgs()...)

	env, err := runEnvironment(req, options)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = programDir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == exitCodeAfterLoggedError {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode())}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// runEnvironment passes config the way the SDK reads it (runtime/config.js) and selects
// TypeScript through ts-node unless Pulumi.yaml sets `runtime.options.typescript: false`.
func runEnvironment(req *pulumirpc.RunRequest, options map[string]any) ([]string, error) {
	// A stack without config sends no map: the SDK needs an object ("null" crashes its config reader).
	configMap := req.GetConfig()
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secrets, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secrets))
	typescript := true
	if v, ok := options["typescript"].(bool); ok {
		typescript = v
	}
	env = append(env, "PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescript))
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return env, nil
}

func nodeArgs(options map[string]any) []string {
	if s, ok := options["nodeargs"].(string); ok && strings.TrimSpace(s) != "" {
		return strings.Fields(s)
	}
	return nil
}

// findSDKRunScript resolves @pulumi/pulumi the way Node would from the program directory.
func findSDKRunScript(programDir string) (string, error) {
	dir, err := filepath.Abs(programDir)
	if err != nil {
		return "", err
	}
	for {
		candidate := filepath.Join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run", "index.js")
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("could not find @pulumi/pulumi in node_modules above %s: run `npm install` first", programDir)
		}
		dir = parent
	}
}
