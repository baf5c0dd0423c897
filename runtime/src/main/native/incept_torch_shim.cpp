// Rebinds the few methods of DJL's PyTorch JNI bridge that move bytes between Java and libtorch.
//
// The bridge on Maven Central (pytorch-jni 2.7.1-0.35.1) is compiled against libtorch 2.7 headers,
// and these methods inline header code (at::TensorMaker, TensorImpl accessors) whose object layout
// changed in later libtorch releases: with libtorch 2.11 creating a tensor from a Java buffer fails
// with "set_stride is not allowed on a Tensor created from .data or .detach()". Everything else in
// the bridge calls into libtorch's own functions and works. The GPU bundle's launcher compiles this
// file against the machine's own libtorch headers, and dev.incept.engine.TorchShim registers these
// implementations in place of the bridge's, through JNI RegisterNatives.
//
// DJL's conventions kept here: a tensor handle is a heap-allocated torch::Tensor*; dtype is the
// ordinal of ai.djl.ndarray.types.DataType; device is {type (0 cpu, 1 cuda), index (-1 on cpu)}.
#include <jni.h>

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <c10/core/ScalarType.h>
#include <torch/csrc/autograd/variable.h>

#include <cmath>
#include <cstring>
#include <exception>
#include <vector>

namespace {

constexpr const char* ENGINE_EXCEPTION = "ai/djl/engine/EngineException";

void throw_java(JNIEnv* env, const char* message) {
  jclass cls = env->FindClass(ENGINE_EXCEPTION);
  if (cls == nullptr) {
    env->ExceptionClear();
    cls = env->FindClass("java/lang/IllegalStateException");
  }
  env->ThrowNew(cls, message);
}

c10::ScalarType scalar_type(jint djl_ordinal) {
  switch (djl_ordinal) {
    case 0: return c10::kFloat;
    case 1: return c10::kDouble;
    case 2: return c10::kHalf;
    case 3: return c10::kByte;
    case 4: return c10::kInt;
    case 5: return c10::kChar;
    case 6: return c10::kLong;
    case 7: return c10::kBool;
    case 8: return c10::kComplexFloat;
    case 11: return c10::kBFloat16;
    case 15: return c10::kShort;
    default: throw std::invalid_argument("incept torch shim: unsupported DJL data type ordinal " + std::to_string(djl_ordinal));
  }
}

at::Tensor* handle(jlong h) {
  return reinterpret_cast<at::Tensor*>(h);
}

jlong from_blob(JNIEnv* env, jobject, jobject buffer, jlongArray jshape, jint dtype, jint layout, jintArray jdevice,
                jboolean requires_grad) {
  try {
    if (layout != 0) {
      throw std::invalid_argument("incept torch shim: only dense (strided) tensors are made from buffers");
    }
    jsize dims = env->GetArrayLength(jshape);
    std::vector<int64_t> shape(dims);
    env->GetLongArrayRegion(jshape, 0, dims, reinterpret_cast<jlong*>(shape.data()));
    jint device[2];
    env->GetIntArrayRegion(jdevice, 0, 2, device);
    void* data = env->GetDirectBufferAddress(buffer);
    auto host_options = at::TensorOptions().dtype(scalar_type(dtype)).device(at::kCPU);
    at::Tensor t;
    if (device[0] == 1) {
      // DJL makes a device tensor for every scalar in an operation such as muli(0.9f). A copy from
      // pageable memory blocks until the GPU has drained its queue; from pinned memory it is queued
      // like any kernel (the pinned block is kept until the copy is done), so the host runs ahead.
      at::Device cuda(at::kCUDA, static_cast<c10::DeviceIndex>(device[1] < 0 ? 0 : device[1]));
      t = at::from_blob(data, shape, host_options).pin_memory().to(at::TensorOptions().device(cuda), /*non_blocking=*/true);
    } else if (device[0] == 0) {
      // The Java buffer is not ours to keep: the tensor gets its own copy.
      t = at::from_blob(data, shape, host_options).clone();
    } else {
      throw std::invalid_argument("incept torch shim: unsupported device type " + std::to_string(device[0]));
    }
    at::Tensor result = torch::autograd::make_variable(t, requires_grad == JNI_TRUE);
    return reinterpret_cast<jlong>(new at::Tensor(std::move(result)));
  } catch (const std::exception& e) {
    throw_java(env, e.what());
    return 0;
  }
}

// DJL calls this on a contiguous CPU tensor and copies out of the buffer before it lets go of it.
jobject direct_byte_buffer(JNIEnv* env, jobject, jlong h) {
  try {
    at::Tensor* t = handle(h);
    return env->NewDirectByteBuffer(t->data_ptr(), static_cast<jlong>(t->nbytes()));
  } catch (const std::exception& e) {
    throw_java(env, e.what());
    return nullptr;
  }
}

jbyteArray data_copy(JNIEnv* env, jobject, jlong h) {
  try {
    at::Tensor t = handle(h)->to(at::kCPU).contiguous();
    jbyteArray out = env->NewByteArray(static_cast<jsize>(t.nbytes()));
    env->SetByteArrayRegion(out, 0, static_cast<jsize>(t.nbytes()), static_cast<const jbyte*>(t.data_ptr()));
    return out;
  } catch (const std::exception& e) {
    throw_java(env, e.what());
    return nullptr;
  }
}

void set_from_buffer(JNIEnv* env, jobject, jlong h, jobject buffer) {
  try {
    c10::NoGradGuard no_grad;
    at::Tensor* t = handle(h);
    at::Tensor host = at::from_blob(env->GetDirectBufferAddress(buffer), t->sizes(), t->options().device(at::kCPU));
    t->copy_(host);
  } catch (const std::exception& e) {
    throw_java(env, e.what());
  }
}

std::vector<at::Tensor> tensors(JNIEnv* env, jlongArray handles) {
  jsize n = env->GetArrayLength(handles);
  std::vector<jlong> raw(n);
  env->GetLongArrayRegion(handles, 0, n, raw.data());
  std::vector<at::Tensor> out;
  out.reserve(n);
  for (jlong h : raw) {
    out.push_back(*handle(h));
  }
  return out;
}

// Each weight's gradient, zeros where it has none.
std::vector<at::Tensor> gradients(const std::vector<at::Tensor>& weights) {
  std::vector<at::Tensor> raw;
  raw.reserve(weights.size());
  for (const at::Tensor& w : weights) {
    at::Tensor g = w.grad();
    raw.push_back(g.defined() ? g : at::zeros_like(w));
  }
  return raw;
}

}  // namespace

// dev.incept.engine.NativeUpdate.step: the whole optimizer update of a step, written as
// runtime/src/main/python/fused_update.py writes it (same arguments, same order of operations).
extern "C" JNIEXPORT jdouble JNICALL Java_dev_incept_engine_NativeUpdate_step(
    JNIEnv* env, jclass, jlongArray jweights, jlongArray jslots_a, jlongArray jslots_b, jint decayed, jint rule,
    jdoubleArray jhyper, jdouble lr, jdouble weight_decay, jdouble clip, jlongArray javeraged, jlongArray jshadows,
    jdouble average_decay) {
  try {
    c10::NoGradGuard no_grad;
    std::vector<at::Tensor> weights = tensors(env, jweights);
    std::vector<at::Tensor> slots_a = tensors(env, jslots_a);
    std::vector<at::Tensor> slots_b = tensors(env, jslots_b);
    std::vector<at::Tensor> averaged = tensors(env, javeraged);
    std::vector<at::Tensor> shadows = tensors(env, jshadows);
    std::vector<double> hyper(env->GetArrayLength(jhyper));
    env->GetDoubleArrayRegion(jhyper, 0, static_cast<jsize>(hyper.size()), hyper.data());
    std::vector<at::Tensor> raw = gradients(weights);
    std::vector<at::Tensor> grads = raw;
    double norm = 0.0;
    if (clip > 0.0) {
      norm = at::linalg_vector_norm(at::stack(at::_foreach_norm(grads))).item<double>();
      if (norm > clip) {
        grads = at::_foreach_mul(grads, clip / norm);
      }
    }
    if (weight_decay != 0.0 && decayed > 0) {
      std::vector<at::Tensor> head(grads.begin(), grads.begin() + decayed);
      std::vector<at::Tensor> decaying(weights.begin(), weights.begin() + decayed);
      std::vector<at::Tensor> sum = at::_foreach_add(head, decaying, weight_decay);
      std::copy(sum.begin(), sum.end(), grads.begin());
    }
    if (rule == 0) {  // SGD
      double momentum = hyper.at(0);
      if (momentum == 0.0) {
        at::_foreach_add_(weights, grads, -lr);
      } else {
        at::_foreach_mul_(slots_a, momentum);
        at::_foreach_add_(slots_a, grads);
        at::_foreach_add_(weights, slots_a, -lr);
      }
    } else if (rule == 1) {  // RMSProp
      double decay = hyper.at(0), epsilon = hyper.at(1), momentum = hyper.at(2);
      at::_foreach_mul_(slots_a, decay);
      at::_foreach_addcmul_(slots_a, grads, grads, 1.0 - decay);
      std::vector<at::Tensor> denom = at::_foreach_sqrt(at::_foreach_add(slots_a, epsilon));
      if (momentum == 0.0) {
        at::_foreach_addcdiv_(weights, grads, denom, -lr);
      } else {
        at::_foreach_mul_(slots_b, momentum);
        at::_foreach_addcdiv_(slots_b, grads, denom, lr);
        at::_foreach_sub_(weights, slots_b);
      }
    } else if (rule == 2) {  // Adam
      double beta1 = hyper.at(0), beta2 = hyper.at(1), epsilon = hyper.at(2), correction1 = hyper.at(3), correction2 = hyper.at(4);
      at::_foreach_mul_(slots_a, beta1);
      at::_foreach_add_(slots_a, grads, 1.0 - beta1);
      at::_foreach_mul_(slots_b, beta2);
      at::_foreach_addcmul_(slots_b, grads, grads, 1.0 - beta2);
      std::vector<at::Tensor> denom = at::_foreach_add(at::_foreach_sqrt(at::_foreach_div(slots_b, correction2)), epsilon);
      at::_foreach_addcdiv_(weights, slots_a, denom, -lr / correction1);
    } else {
      throw std::invalid_argument("incept torch shim: unknown update rule " + std::to_string(rule));
    }
    if (!shadows.empty()) {
      at::_foreach_mul_(shadows, average_decay);
      at::_foreach_add_(shadows, averaged, 1.0 - average_decay);
    }
    at::_foreach_zero_(raw);
    return norm;
  } catch (const std::exception& e) {
    throw_java(env, e.what());
    return 0.0;
  }
}

// dev.incept.engine.NativeUpdate.unscale: fused_update.py's unscale (same maths, same order).
extern "C" JNIEXPORT jdouble JNICALL Java_dev_incept_engine_NativeUpdate_unscale(JNIEnv* env, jclass, jlongArray jweights,
                                                                                jdouble inverse) {
  try {
    c10::NoGradGuard no_grad;
    std::vector<at::Tensor> weights = tensors(env, jweights);
    std::vector<at::Tensor> raw = gradients(weights);
    at::_foreach_mul_(raw, inverse);
    double norm = at::linalg_vector_norm(at::stack(at::_foreach_norm(raw))).item<double>();
    if (!std::isfinite(norm)) {
      at::_foreach_zero_(raw);
    }
    return norm;
  } catch (const std::exception& e) {
    throw_java(env, e.what());
    return 0.0;
  }
}

// dev.incept.engine.NativeUpdate.cast: fused_update.py's cast, with autograd on so that each copy's
// gradient reaches its float32 weight. Returns new tensor handles, which DJL's arrays then own.
extern "C" JNIEXPORT jlongArray JNICALL Java_dev_incept_engine_NativeUpdate_cast(JNIEnv* env, jclass, jlongArray jweights,
                                                                                 jboolean half) {
  try {
    c10::AutoGradMode grad(true);
    std::vector<at::Tensor> weights = tensors(env, jweights);
    const at::ScalarType type = half ? at::kHalf : at::kBFloat16;
    std::vector<jlong> out;
    out.reserve(weights.size());
    for (const at::Tensor& w : weights) {
      out.push_back(reinterpret_cast<jlong>(new at::Tensor(w.to(type))));
    }
    jlongArray result = env->NewLongArray(static_cast<jsize>(out.size()));
    env->SetLongArrayRegion(result, 0, static_cast<jsize>(out.size()), out.data());
    return result;
  } catch (const std::exception& e) {
    throw_java(env, e.what());
    return nullptr;
  }
}

extern "C" JNIEXPORT jstring JNICALL Java_dev_incept_engine_TorchShim_rebind(JNIEnv* env, jclass, jclass library) {
  JNINativeMethod methods[] = {
      {const_cast<char*>("torchFromBlob"), const_cast<char*>("(Ljava/nio/ByteBuffer;[JII[IZ)J"), reinterpret_cast<void*>(from_blob)},
      {const_cast<char*>("torchDirectByteBuffer"), const_cast<char*>("(J)Ljava/nio/ByteBuffer;"), reinterpret_cast<void*>(direct_byte_buffer)},
      {const_cast<char*>("torchDataPtr"), const_cast<char*>("(J)[B"), reinterpret_cast<void*>(data_copy)},
      {const_cast<char*>("torchSet"), const_cast<char*>("(JLjava/nio/ByteBuffer;)V"), reinterpret_cast<void*>(set_from_buffer)},
  };
  if (env->RegisterNatives(library, methods, sizeof methods / sizeof methods[0]) != 0) {
    return env->NewStringUTF("RegisterNatives failed: the bridge's method signatures differ from this shim's");
  }
  return nullptr;
}
