package dev.ferry.message;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which class a concrete class binds to the type parameter of a generic interface it
 * implements, however many superclasses and superinterfaces lie in between
 * ({@code class ChatHandler extends Base<Chat>} where {@code Base<T> implements Whole<T>} gives Chat).
 */
final class GenericTypes {

    private GenericTypes() {
    }

    /**
     * The class bound to the only type parameter of {@code genericInterface} by {@code concrete},
     * or {@code null} when the class file does not record it (a lambda, a raw implementation, or a
     * type variable left open).
     */
    static Class<?> typeArgument(Class<?> concrete, Class<?> genericInterface) {
        return toClass(find(concrete, genericInterface, Map.of()));
    }

    private static Type find(Class<?> type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Class<?> raw = toClass(supertype);
            if (raw == null || !target.isAssignableFrom(raw)) {
                continue;
            }
            Map<TypeVariable<?>, Type> rawBindings = bind(raw, supertype, bindings);
            Type found = raw == target
                    ? rawBindings.get(target.getTypeParameters()[0])
                    : find(raw, target, rawBindings);
            if (found != null && !(found instanceof TypeVariable<?>)) {
                return found;
            }
        }
        return null;
    }

    /** Maps the type parameters of {@code raw} to the arguments {@code supertype} gives them. */
    private static Map<TypeVariable<?>, Type> bind(Class<?> raw, Type supertype, Map<TypeVariable<?>, Type> outer) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (supertype instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            TypeVariable<?>[] parameters = raw.getTypeParameters();
            for (int i = 0; i < parameters.length && i < arguments.length; i++) {
                Type argument = arguments[i];
                if (argument instanceof TypeVariable<?> variable && outer.containsKey(variable)) {
                    argument = outer.get(variable);
                }
                bindings.put(parameters[i], argument);
            }
        }
        return bindings;
    }

    private static Class<?> toClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType parameterized) {
            return toClass(parameterized.getRawType());
        } else if (type instanceof GenericArrayType array) {
            Class<?> component = toClass(array.getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return null;
    }
}
