package dev.ferry.message;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What decoder and encoder classes have in common: the deployment checks, working out which types
 * they convert, and creating them.
 */
final class CoderClasses {

    private CoderClasses() {
    }

    /**
     * Every problem that would stop a configured coder class from working, one user-facing line each.
     *
     * @param role "Decoder" or "Encoder"
     */
    static List<String> problems(String role, Class<?> roleInterface, List<?> classes, List<CoderForm> forms) {
        List<String> problems = new ArrayList<>();
        for (Object element : classes) {
            if (!(element instanceof Class<?> coderClass)) {
                problems.add(role + " list contains " + element + ", which is not a class");
                continue;
            }
            String name = role + " " + coderClass.getName() + ": ";
            if (!roleInterface.isAssignableFrom(coderClass)) {
                problems.add(name + "does not implement " + roleInterface.getName());
                continue;
            }
            if (coderClass.isInterface() || Modifier.isAbstract(coderClass.getModifiers())) {
                problems.add(name + "is abstract or an interface and cannot be instantiated");
            } else if (!Modifier.isPublic(coderClass.getModifiers()) || publicNoArgConstructor(coderClass) == null) {
                problems.add(name + "must be a public class with a public no-argument constructor");
            }
            boolean implementsAny = false;
            for (CoderForm form : forms) {
                if (form.apiInterface().isAssignableFrom(coderClass)) {
                    implementsAny = true;
                    if (GenericTypes.typeArgument(coderClass, form.apiInterface()) == null) {
                        problems.add(name + "cannot tell which type it converts; declare it as implementing "
                                + form.displayName() + "<YourType>");
                    }
                }
            }
            if (!implementsAny) {
                problems.add(name + "implements none of " + forms.stream().map(CoderForm::displayName).toList());
            }
        }
        return problems;
    }

    /** The forms a coder class implements, each with the type it converts (unresolvable ones left out). */
    static List<CoderShape> shapes(Class<?> coderClass, List<CoderForm> forms) {
        List<CoderShape> shapes = new ArrayList<>();
        for (CoderForm form : forms) {
            if (form.apiInterface().isAssignableFrom(coderClass)) {
                Class<?> target = GenericTypes.typeArgument(coderClass, form.apiInterface());
                if (target != null) {
                    shapes.add(new CoderShape(coderClass, form, target));
                }
            }
        }
        return shapes;
    }

    /** Creates a coder through its public no-argument constructor; deployment has checked it exists. */
    static <T> T instantiate(Class<? extends T> coderClass) {
        Constructor<?> constructor = publicNoArgConstructor(coderClass);
        if (constructor == null) {
            throw new IllegalStateException(coderClass.getName() + " has no public no-argument constructor");
        }
        try {
            return coderClass.cast(constructor.newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of " + coderClass.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + coderClass.getName(), e);
        }
    }

    private static Constructor<?> publicNoArgConstructor(Class<?> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
