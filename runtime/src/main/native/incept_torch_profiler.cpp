// libtorch's own profiler (Kineto), for `incept bench-case ... profile=FILE` on a libtorch other
// than 2.7: DJL's bridge reaches the profiler through a constructor whose signature changed after
// 2.7 (on 2.11 the JVM dies with an undefined ExperimentalConfig symbol). The GPU bundle's launcher
// compiles this file against the machine's own libtorch headers when a profile is asked for, and
// dev.incept.bench.TorchProfiler calls it. Kept apart from the shim so that a libtorch whose
// profiler headers differ again costs the profile only, never the run.
#include <jni.h>

#include <torch/csrc/autograd/profiler_kineto.h>

#include <exception>
#include <memory>
#include <set>
#include <string>

namespace {

namespace prof = torch::autograd::profiler;
using torch::profiler::impl::ActivityType;
using torch::profiler::impl::ProfilerConfig;
using torch::profiler::impl::ProfilerState;

jstring message(JNIEnv* env, const std::exception& e) {
  return env->NewStringUTF(e.what());
}

}  // namespace

// Null when recording has started, else what went wrong.
extern "C" JNIEXPORT jstring JNICALL Java_dev_incept_bench_TorchProfiler_start(JNIEnv* env, jclass, jboolean cuda) {
  try {
    std::set<ActivityType> activities{ActivityType::CPU};
    if (cuda) {
      activities.insert(ActivityType::CUDA);
    }
    ProfilerConfig config(ProfilerState::KINETO);
    prof::prepareProfiler(config, activities);
    prof::enableProfiler(config, activities);
    return nullptr;
  } catch (const std::exception& e) {
    return message(env, e);
  }
}

// Stops recording and writes the chrome trace to path; null when written, else what went wrong.
extern "C" JNIEXPORT jstring JNICALL Java_dev_incept_bench_TorchProfiler_stop(JNIEnv* env, jclass, jstring jpath) {
  try {
    const char* chars = env->GetStringUTFChars(jpath, nullptr);
    std::string path(chars);
    env->ReleaseStringUTFChars(jpath, chars);
    std::unique_ptr<prof::ProfilerResult> result = prof::disableProfiler();
    result->save(path);
    return nullptr;
  } catch (const std::exception& e) {
    return message(env, e);
  }
}
