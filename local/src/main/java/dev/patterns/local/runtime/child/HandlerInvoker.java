package dev.patterns.local.runtime.child;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Loads {@code package.Class::method} and calls it the way Lambda's Java runtime does: the class
 * is constructed once (the init phase); a stream handler gets the raw bytes; any other handler
 * gets the event deserialized by aws-lambda-java-serialization (the events serializers for AWS
 * event classes, its Jackson factory for everything else), and its result serialized back.
 */
final class HandlerInvoker {

    private final Object instance;
    private final Method method;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final boolean stream;

    private HandlerInvoker(Object instance, Method method, PojoSerializer<Object> input, PojoSerializer<Object> output, boolean stream) {
        this.instance = instance;
        this.method = method;
        this.input = input;
        this.output = output;
        this.stream = stream;
    }

    static HandlerInvoker load(String handler, ClassLoader loader) throws Exception {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("_HANDLER is not set");
        }
        String[] parts = handler.split("::", 2);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        Class<?> type = Class.forName(parts[0], true, loader);
        Method method = Arrays.stream(type.getMethods())
                .filter(candidate -> candidate.getName().equals(methodName) && !candidate.isBridge()
                        && !Modifier.isStatic(candidate.getModifiers()))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new NoSuchMethodException("No public method " + methodName + " in " + type.getName()));
        Object instance = type.getConstructor().newInstance();
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length == 3 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
            return new HandlerInvoker(instance, method, null, null, true);
        }
        if (parameters.length < 1 || parameters.length > 2) {
            throw new NoSuchMethodException(handler + " must take (event[, Context]) or (InputStream, OutputStream, Context)");
        }
        return new HandlerInvoker(instance, method,
                serializerFor(method.getGenericParameterTypes()[0], loader),
                method.getReturnType() == void.class ? null : serializerFor(method.getGenericReturnType(), loader), false);
    }

    byte[] invoke(byte[] event, Context context) throws Throwable {
        try {
            if (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(instance, new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            }
            Object argument = input.fromJson(new ByteArrayInputStream(event));
            Object result = method.getParameterCount() == 2 ? method.invoke(instance, argument, context) : method.invoke(instance, argument);
            if (output == null || result == null) {
                return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            output.toJson(result, out);
            return out.toByteArray();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
        Class<?> raw = type instanceof Class<?> c ? c : (Class<?>) ((java.lang.reflect.ParameterizedType) type).getRawType();
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }
}
